using Assay.Credit.Config;

namespace Assay.Credit.Tests.Config;

public class ConfigLoaderTests
{
    private const string Head = """
        target: { column: loan_status, bad: [Default] }

        """;

    [Fact]
    public void Parse_MisspeltKey_NamesFieldSectionLineAndSuggestion()
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse(Head + """
            model:
              variables: [grade]
              pvalue: 0.05
            """, "credit.yaml"));
        Assert.Contains("unknown field 'pvalue' in model (line 4); did you mean 'p_value'?", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Assay.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKeyInAColumnEntry_NamesTheColumn()
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse(Head + """
            columns:
              term: { typ: term }
            model: { variables: [term] }
            """, "credit.yaml"));
        Assert.Contains("unknown field 'typ' in columns.term (line 3); did you mean 'type'?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TargetListedAsVariable_NamesTheLine()
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse(Head + """
            model:
              variables:
                - grade
                - loan_status
            """, "credit.yaml"));
        Assert.StartsWith("credit.yaml line 5: model.variables lists the target column 'loan_status'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateVariable_NamesBothLines()
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse(Head + """
            model:
              variables:
                - grade
                - dti
                - grade
            """, "credit.yaml"));
        Assert.StartsWith("credit.yaml line 6: model.variables lists 'grade' twice (first on line 4)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongValueType_SaysSoWithoutTypeNames()
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse(Head + """
            model: { variables: [grade], min_iv: lots }
            """, "credit.yaml"));
        Assert.StartsWith("credit.yaml line 2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binning: { monotone: peak }", "needs binning.algorithm: optimal")]
    [InlineData("binning: { algorithm: optimal, monotone: sideways }", "binning.monotone is 'sideways'")]
    [InlineData("binning: { max_p_value: 0.05 }", "need binning.algorithm: optimal")]
    [InlineData("binning: { algorithm: exact }", "use heuristic or optimal")]
    public void Parse_BadBinningSettings_AreRefused(string binning, string expected)
    {
        var ex = Assert.Throws<AssayException>(() => ConfigLoader.Parse(Head + binning + "\nmodel: { variables: [grade] }\n", "credit.yaml"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptimalBinningSettings_AreRead()
    {
        var c = ConfigLoader.Parse(Head + """
            binning: { algorithm: optimal, monotone: valley, min_bads_per_bin: 20, max_p_value: 0.1, max_classes: 6 }
            model: { variables: [grade] }
            """);
        Assert.Equal("optimal", c.Binning.Algorithm);
        Assert.Equal("valley", c.Binning.Monotone);
        Assert.Equal(20, c.Binning.MinBadsPerBin);
        Assert.Equal(0.1, c.Binning.MaxPValue);
    }
}
