using Assay.Credit.Config;
using Assay.Credit.Pipeline;

namespace Assay.Credit.Tests.Pipeline;

public class BadInputTests
{
    private static CreditConfig Config(string csv, params string[] variables)
    {
        var c = ConfigLoader.Parse("""
            target: { column: status, bad: [bad] }
            model: { variables: [x] }
            """);
        c.Data = TestData.WriteCsv(csv);
        c.Model.Variables = [.. variables];
        return c;
    }

    private static string Rows(Func<int, string> row) => string.Concat(Enumerable.Range(0, 200).Select(i => row(i) + "\n"));

    [Fact]
    public void Run_MissingTargetColumn_NamesIt()
    {
        var ex = Assert.Throws<AssayException>(() => CreditPipeline.Run(Config("x,y\n" + Rows(i => $"{i},{i % 2}"), "x")));
        Assert.Contains("column 'status' (the target) is not in the file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OneClassTarget_NamesTheColumn()
    {
        var ex = Assert.Throws<AssayException>(() => CreditPipeline.Run(Config("x,status\n" + Rows(i => $"{i},good"), "x")));
        Assert.Contains("target column 'status' has one class", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ConstantColumn_NamesIt()
    {
        var ex = Assert.Throws<AssayException>(() => CreditPipeline.Run(Config("x,k,status\n" + Rows(i => $"{i},7,{(i % 3 == 0 ? "bad" : "good")}"), "x", "k")));
        Assert.Contains("column 'k' is constant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TextInNumericColumn_NamesColumnAndLine()
    {
        var csv = "x,status\n" + Rows(i => i == 150 ? "twelve,good" : $"{i},{(i % 3 == 0 ? "bad" : "good")}");
        var ex = Assert.Throws<AssayException>(() => CreditPipeline.Run(Config(csv, "x")));
        Assert.Contains("column 'x'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 152", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'twelve'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyFile_SaysSo()
    {
        var ex = Assert.Throws<AssayException>(() => CreditPipeline.Run(Config("", "x")));
        Assert.Contains("is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheLine()
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse("target: { column: s, bad: [b] }\nmodel: { variables: [x] }\nbinnning: {}\n"));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }
}
