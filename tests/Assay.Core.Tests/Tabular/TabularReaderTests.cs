using System.Text;
using Assay.Tabular;

namespace Assay.Core.Tests.Tabular;

public sealed class TabularReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-tabular-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadCsv_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsRowStartLines()
    {
        var table = TabularReader.ReadCsv(Write("a,b\n\"x, \"\"y\"\"\nz\",1\nplain,2\n"));

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("x, \"y\"\nz", table.Rows[0].Fields[0]);
        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal(4, table.Rows[1].Line);
    }

    [Fact]
    public void ReadCsv_RowWithTooFewFields_NamesItsLine()
    {
        var ex = Assert.Throws<BadRowException>(() => TabularReader.ReadCsv(Write("a,b,c\n1,2,3\n4,5\n")));

        Assert.Equal(3, ex.Line);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
    }

    [Fact]
    public void ReadCsv_RowWithTooManyFields_NamesItsLine()
    {
        var ex = Assert.Throws<BadRowException>(() => TabularReader.ReadCsv(Write("a,b\n1,2\n3,4,5\n6,7\n")));

        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void ReadCsv_QuoteNeverClosed_NamesTheLineAndColumnWhereItOpened()
    {
        var ex = Assert.Throws<BadRowException>(() => TabularReader.ReadCsv(Write("a,b\n1,2\n3,\"cut\nmore text\nand more")));

        Assert.Equal(3, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_InvalidUtf8_NamesLineAndColumn()
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllBytes(path, [.. "a,b\n1,x"u8, 0xC3, 0x28, .. "\n"u8]);

        var ex = Assert.Throws<BadRowException>(() => TabularReader.ReadCsv(path));

        Assert.Equal((2, 4), (ex.Line, ex.Column));
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_NulByte_NamesLineAndColumn()
    {
        var ex = Assert.Throws<BadRowException>(() => TabularReader.ReadCsv(Write("a,b\n1,2\n3,é\0\n")));

        Assert.Equal((3, 4), (ex.Line, ex.Column));
        Assert.Contains("NUL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_SkipBadRows_ListsEveryRaggedLineAndKeepsTheRest()
    {
        var table = TabularReader.ReadCsv(Write("a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n"), new TabularOptions { BadRows = BadRows.Skip });

        Assert.Equal(["1", "4", "9"], table.Rows.Select(r => r.Fields[0]));
        Assert.Equal([3, 5], table.Skipped.Select(s => s.Line));
    }

    [Fact]
    public void Number_NonNumericField_NamesLineColumnAndValue()
    {
        var table = TabularReader.ReadCsv(Write("name,latency\n\"two\nlines\",1.5\nx,abc\n"));

        Assert.Equal(1.5, table.Number(table.Rows[0], "latency"));
        var ex = Assert.Throws<BadRowException>(() => table.Number(table.Rows[1], "latency"));
        Assert.Equal((4, 2), (ex.Line, ex.Column));
        Assert.Contains("'abc'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'latency'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_OnTheSecondLineOfARow_CountsTheLineBreaksBeforeIt()
    {
        var table = TabularReader.ReadCsv(Write("text,n\n\"a\nb\",-1\n"));

        var ex = Assert.Throws<BadRowException>(() => table.Number(table.Rows[0], "n"));

        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void ForEachCsvRow_HandsEveryRowInOrderWithTheHeader_AsReadCsvKeepsThem()
    {
        var path = Write("a,b\n\"x\ny\",1\nplain,2\nlast,3\n");
        var seen = new List<(int Row, int Line, string? B)>();

        var shape = TabularReader.ForEachCsvRow(path, null, (table, row) => seen.Add((row.Row, row.Line, table.Text(row, "b"))));

        Assert.Empty(shape.Rows);
        Assert.Equal(["a", "b"], shape.Header);
        Assert.Equal(TabularReader.ReadCsv(path).Rows.Select(r => (r.Row, r.Line, (string?)r.Fields[1])), seen);
    }

    [Fact]
    public void ForEachCsvRow_RaggedRowAfterGoodOnes_StopsNamingItsLine()
    {
        var count = 0;

        var ex = Assert.Throws<BadRowException>(() => TabularReader.ForEachCsvRow(Write("a,b\n1,2\n3\n"), null, (_, _) => count++));

        Assert.Equal(3, ex.Line);
        Assert.Equal(1, count);
    }

    [Fact]
    public void ReadCsv_MultiByteCharacterAcrossTheOneMebibyteBlock_AcceptedWhole()
    {
        // "é" is two bytes; put its first byte last in the first 1 MiB block.
        var head = "a\n";
        var filler = new string('x', (1 << 20) - head.Length - 1);
        var path = Write(head + filler + "é\n");

        var table = TabularReader.ReadCsv(path);

        Assert.EndsWith("é", table.Rows[0].Fields[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_InvalidByteAfterTheFirstBlock_NamedByLine()
    {
        var path = Path.Combine(_dir, "late.csv");
        var text = Encoding.UTF8.GetBytes("a\n" + string.Concat(Enumerable.Repeat(new string('x', 1023) + "\n", 1500)));
        File.WriteAllBytes(path, [.. text, 0xFF, (byte)'\n']);

        var ex = Assert.Throws<BadRowException>(() => TabularReader.ReadCsv(path));

        Assert.Equal(1502, ex.Line);
        Assert.Contains("0xFF is not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
