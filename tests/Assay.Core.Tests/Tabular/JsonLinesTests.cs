using Assay.Tabular;

namespace Assay.Core.Tests.Tabular;

public sealed class JsonLinesTests
{
    [Fact]
    public void Read_CutLastLine_NamesLineAndColumn()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"a\": 1}\n\n{\"a\": 2, \"b\": \"cut");

            var ex = Assert.Throws<BadRowException>(() => JsonLines.Read(path));

            Assert.Equal(3, ex.Line);
            Assert.True(ex.Column > 1);
            Assert.Contains($"{path} line 3, column", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_SkipBadRows_ListsNonObjectsAndBrokenLines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"a\": 1}\n[1]\n{oops\n{\"a\": 4}\n");

            var file = JsonLines.Read(path, new TabularOptions { BadRows = BadRows.Skip });

            Assert.Equal([1, 4], file.Lines.Select(l => l.Line));
            Assert.Equal([2, 3], file.Skipped.Select(s => s.Line));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
