using System.Diagnostics;
using System.Text;
using Assay.Yaml;

namespace Assay.Core.Tests.Yaml;

public class BoundedYamlTests
{
    /// <summary>The shape: each level lists the previous anchor ten times, so level n expands to 10^n nodes.</summary>
    internal static string Bomb(int levels)
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= levels; i++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{refs}]\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Check_BillionLaughs_RefusedQuicklyNamingTheSetting()
    {
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<AssayException>(() => BoundedYaml.Check(Bomb(9), "bomb.yaml", YamlLimits.Default with { MaxAliases = 1000 }));
        watch.Stop();

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.Contains("bomb.yaml line", ex.Message, StringComparison.Ordinal);
        Assert.Contains(YamlLimits.MaxNodesVariable, ex.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Check_ManyAliases_RefusedByAliasCount()
    {
        var yaml = "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 101)) + "]\n";

        var ex = Assert.Throws<AssayException>(() => BoundedYaml.Check(yaml, "s.yaml", YamlLimits.Default));

        Assert.Contains("more than 100 alias", ex.Message, StringComparison.Ordinal);
        Assert.Contains(YamlLimits.MaxAliasesVariable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FewAliases_Accepted()
    {
        var yaml = "defaults: &d {temperature: 0}\na: *d\nb: *d\n";

        BoundedYaml.Check(yaml, "s.yaml", YamlLimits.Default);
    }

    [Fact]
    public void Check_NodesJustOverTheLimit_Refused()
    {
        var yaml = "items: [" + string.Join(", ", Enumerable.Range(0, 50)) + "]\n";

        BoundedYaml.Check(yaml, "s.yaml", YamlLimits.Default with { MaxNodes = 53 });
        Assert.Throws<AssayException>(() => BoundedYaml.Check(yaml, "s.yaml", YamlLimits.Default with { MaxNodes = 52 }));
    }

    [Fact]
    public void ReadFile_OverTheSizeLimit_RefusedBeforeReading()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a: " + new string('x', 2000) + "\n");

            var ex = Assert.Throws<AssayException>(() => BoundedYaml.ReadFile(path, "big.yaml", YamlLimits.Default with { MaxBytes = 1000 }));

            Assert.Contains("big.yaml", ex.Message, StringComparison.Ordinal);
            Assert.Contains(YamlLimits.MaxBytesVariable, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_SyntaxError_LeftToTheLoader()
    {
        BoundedYaml.Check("a: [unclosed\n", "s.yaml", YamlLimits.Default);
    }

    [Fact]
    public void FromVariables_RaisedLimitAndBadValue()
    {
        Assert.Equal(5_000_000, YamlLimits.FromVariables(n => n == YamlLimits.MaxBytesVariable ? "5000000" : null).MaxBytes);
        var ex = Assert.Throws<AssayException>(() => YamlLimits.FromVariables(n => n == YamlLimits.MaxNodesVariable ? "lots" : null));
        Assert.Contains(YamlLimits.MaxNodesVariable, ex.Message, StringComparison.Ordinal);
    }
}
