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

    [Fact]
    public void Read_RaggedRow_NamesFileAndLine()
    {
        var path = TestData.WriteCsv("a,b\n1,2\n3\n");
        var ex = Assert.Throws<AssayException>(() => CsvTableReader.Read(path));
        Assert.StartsWith($"{path} line 3: 1 fields where the header has 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-credit-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. "a,b\n1,2\n"u8, (byte)'M', 0xFC, (byte)'n', (byte)',', (byte)'3', (byte)'\n']);
        var ex = Assert.Throws<AssayException>(() => CsvTableReader.Read(path));
        Assert.StartsWith($"{path} line 3: the bytes are not valid UTF-8 (byte 0xFC", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Nul_NamesFileAndLine()
    {
        var path = TestData.WriteCsv("a,b\n1,2\n3,\0\n");
        var ex = Assert.Throws<AssayException>(() => CsvTableReader.Read(path));
        Assert.StartsWith($"{path} line 3: the file holds a NUL byte", ex.Message, StringComparison.Ordinal);
    }
}
