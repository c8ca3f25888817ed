using Assay.Models.Catalog;

namespace Assay.Models.Tests.Catalog;

public sealed class PriceCatalogTests
{
    [Theory]
    [InlineData("source_model", "0.00025", "0.003")]
    [InlineData("bedrock:amazon.nova-lite-v1:0", "0.00006", "0.00024")]
    [InlineData("bedrock:us.anthropic.claude-3-5-haiku-20241022-v1:0", "0.0008", "0.004")]
    public void BuiltIn_WorkshopModels_HaveTheWorkshopPrices(string id, string input, string output)
    {
        var price = PriceCatalog.BuiltIn().Find(id);

        Assert.NotNull(price);
        Assert.Equal(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture), price.InputPer1K);
        Assert.Equal(decimal.Parse(output, System.Globalization.CultureInfo.InvariantCulture), price.OutputPer1K);
    }

    [Fact]
    public void CostUsd_WorkshopFirstRow_MatchesRecordedCost()
    {
        // Row 0 of the workshop's recording: 300 input and 52 output tokens, recorded cost 0.000231.
        var price = PriceCatalog.BuiltIn().Find("source_model")!;

        Assert.Equal(0.000231m, price.CostUsd(300, 52));
    }

    [Fact]
    public void Find_Wildcard_MatchesEveryIdWithThePrefix()
    {
        var catalog = PriceCatalog.BuiltIn();

        Assert.Equal(0m, catalog.Find("extractive:textrank-3")!.InputPer1K);
        Assert.Equal("openai-compatible:*", catalog.Find("openai-compatible:http://127.0.0.1:1/v1#m")!.Id);
        Assert.Null(catalog.Find("openai:no-such-model"));
    }

    [Fact]
    public void IsStale_OlderThan90Days_Flagged()
    {
        var price = PriceCatalog.BuiltIn().Find("openai:gpt-4o-mini")!;

        Assert.False(price.IsStale(price.AsOf.AddDays(90)));
        Assert.True(price.IsStale(price.AsOf.AddDays(91)));
        Assert.False(PriceCatalog.BuiltIn().Find("extractive:lead")!.IsStale(price.AsOf.AddDays(5000)));
    }

    [Fact]
    public void Load_UserFile_ReplacesAndExtends()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-prices-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            models:
              - id: openai:gpt-4o-mini
                input_per_1k: 0.001
                output_per_1k: 0.002
                as_of: 2026-11-01
                source: our contract
              - id: bedrock:my-custom-model
                input_per_1k: 0.01
                output_per_1k: 0.02
                context_window: 4096
                as_of: 2026-11-01
                source: our contract
            """);
        try
        {
            var catalog = PriceCatalog.Load(path);

            Assert.Equal(0.001m, catalog.Find("openai:gpt-4o-mini")!.InputPer1K);
            Assert.Equal(path, catalog.Find("openai:gpt-4o-mini")!.Origin);
            Assert.Equal(4096, catalog.Find("bedrock:my-custom-model")!.ContextWindow);
            Assert.Single(catalog.Entries, e => e.Id == "openai:gpt-4o-mini");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("models:\n  - id: x:y\n    output_per_1k: 1\n    as_of: 2026-01-01\n    source: s\n", "input_per_1k")]
    [InlineData("models:\n  - id: x:y\n    input_per_1k: 1\n    output_per_1k: 1\n    as_of: yesterday\n    source: s\n", "as_of")]
    [InlineData("models:\n  - id: x:y\n    input_per_1k: 1\n    output_per_1k: 1\n    as_of: 2026-01-01\n", "source")]
    [InlineData("models: [ {", "line")]
    public void Load_BadUserFile_ErrorNamesFileAndField(string yaml, string field)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-prices-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var ex = Assert.Throws<AssayException>(() => PriceCatalog.Load(path));

            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingUserFile_SaysWhichSettingToFix()
    {
        var ex = Assert.Throws<AssayException>(() => PriceCatalog.Load("/no/such/prices.yaml"));

        Assert.Contains("ASSAY_PRICES", ex.Message, StringComparison.Ordinal);
    }
}
