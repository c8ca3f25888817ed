using Assay.Credit.Data;

namespace Assay.Credit.Tests.Data;

public class CsvTableReaderTests
{
    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsValuesAndLines()
    {
        var path = TestData.WriteCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",3\n4,\n");
        var t = CsvTableReader.Read(path);
        Assert.Equal(3, t.RowCount);
        Assert.Equal("x, y", t.Column("a", "test")[0]);
        Assert.Equal("say \"hi\"", t.Column("b", "test")[0]);
        Assert.Equal("two\nlines", t.Column("a", "test")[1]);
        Assert.Null(t.Column("b", "test")[2]);
        Assert.Equal(2, t.LineOf(0));
        Assert.Equal(3, t.LineOf(1));
        Assert.Equal(5, t.LineOf(2));
    }

    [Fact]
    public void Read_EmptyFile_SaysItIsEmpty()
    {
        var path = TestData.WriteCsv("");
        var ex = Assert.Throws<AssayException>(() => CsvTableReader.Read(path));
        Assert.Contains("is empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderOnly_SaysThereAreNoRows()
    {
        var ex = Assert.Throws<AssayException>(() => CsvTableReader.Read(TestData.WriteCsv("a,b\n")));
        Assert.Contains("no data rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_Unknown_NamesTheColumnAndWhatExists()
    {
        var t = CsvTableReader.Read(TestData.WriteCsv("a,b\n1,2\n"));
        var ex = Assert.Throws<AssayException>(() => t.Column("target", "the target"));
        Assert.Contains("'target'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", ex.Message, StringComparison.Ordinal);
    }
}
