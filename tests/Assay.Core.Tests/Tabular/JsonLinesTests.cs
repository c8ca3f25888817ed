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

    [Fact]
    public void ForEach_BomCrlfBlankLinesAndALineLongerThanABlock_EveryObjectWithItsLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            var long1 = new string('x', 200_000);
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes($"{{\"a\":1}}\r\n\r\n{{\"a\":\"{long1}\"}}\n{{\"a\":\"é\"}}")]);
            var seen = new List<(int Line, string Text)>();

            var skipped = JsonLines.ForEach(path, null, l => seen.Add((l.Line, l.Value.GetProperty("a").ToString())));

            Assert.Empty(skipped);
            Assert.Equal([(1, "1"), (3, long1), (4, "é")], seen);
            Assert.Equal(seen, JsonLines.Read(path).Lines.Select(l => (l.Line, l.Value.GetProperty("a").ToString())));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
