using Assay.Tabular;

namespace Assay.Core.Tests.Tabular;

public sealed class TabularWriterTests
{
    [Fact]
    public void Write_FieldsWithCommasQuotesAndLineBreaks_AreQuotedAndReadBackUnchanged()
    {
        var dir = Directory.CreateTempSubdirectory("assay-writer-").FullName;
        try
        {
            var path = Path.Combine(dir, "out.csv");
            string?[] tricky = ["a, b", "say \"hi\"", "two\nlines", "=1+1"];
            TabularWriter.WriteFile(path, ["w", "x", "y", "z"], [tricky, ["1", "2", "3", null]]);

            var text = File.ReadAllText(path);
            Assert.StartsWith("w,x,y,z\n\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",=1+1\n", text, StringComparison.Ordinal);
            var table = TabularReader.ReadCsv(path);
            Assert.Equal(tricky.Select(t => t!), table.Rows[0].Fields);
            Assert.Equal(["1", "2", "3", ""], table.Rows[1].Fields);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
