using Assay.Models.Tests.TestDoubles;

namespace Assay.Models.Tests;

public sealed class ModelFactoryTests
{
    [Fact]
    public void CreateChatClient_UnknownProvider_ListsKnownOnes()
    {
        using var factory = CreateSut();

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("gemini:pro"));

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.Contains("unknown provider 'gemini'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("openai-compatible", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChatClient_MalformedId_ShowsTheForm()
    {
        using var factory = CreateSut();

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("gpt-4o-mini"));

        Assert.Contains("write provider:name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChatClient_OpenAiWithoutKey_NamesTheVariable()
    {
        using var factory = CreateSut();

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("openai:gpt-4o-mini"));

        Assert.Contains("set OPENAI_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void CreateChatClient_UnknownPrice_SaysWhatToSet()
    {
        using var factory = CreateSut(("OPENAI_API_KEY", "sk-secret-value-123"));

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("openai:gpt-99-turbo"));

        Assert.Contains("No price for model 'openai:gpt-99-turbo'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ASSAY_PRICES", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value-123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChatClient_UnknownPriceAllowed_Created()
    {
        using var factory = new ModelFactory(new ModelFactoryOptions { Environment = TestFactory.Environment(("OPENAI_API_KEY", "k")), RequirePrices = false });

        Assert.NotNull(factory.CreateChatClient("openai:gpt-99-turbo"));
    }

    [Fact]
    public void CreateChatClient_ExtraProvider_ReachedByItsPrefix()
    {
        using var factory = new ModelFactory(new ModelFactoryOptions { Environment = TestFactory.Environment() }, [new Assay.Models.Extractive.ExtractiveProvider()]);

        Assert.Contains("extractive", factory.ProviderNames);
        Assert.NotNull(factory.CreateChatClient("extractive:lead"));
    }

    [Fact]
    public void Constructor_BadResilienceSetting_NamesIt()
    {
        var ex = Assert.Throws<AssayException>(() => new ModelFactory(new ModelFactoryOptions { Resilience = new() { MaxAttempts = 0 } }));

        Assert.Contains("MaxAttempts", ex.Message, StringComparison.Ordinal);
    }

    [Assay.Testing.TokenizerFact]
    public void Tokens_RankFilePresent_TheO200kCounter()
    {
        using var factory = CreateSut();

        var tokens = ((IModelFactory)factory).Tokens;

        Assert.NotNull(tokens);
        Assert.Equal("o200k_base tokenizer", tokens.Method);
        Assert.Equal(4, tokens.Count("Hello, world!"));
    }

    [Fact]
    public void Tokens_NothingInstalled_O200kCounterFromTheEmbeddedRanks()
    {
        using var factory = new ModelFactory(new ModelFactoryOptions { Environment = TestFactory.Environment() });

        var tokens = ((IModelFactory)factory).Tokens;

        Assert.NotNull(tokens);
        Assert.Equal("o200k_base tokenizer", tokens.Method);
        Assert.Equal(4, tokens.Count("Hello, world!"));
    }

    private static ModelFactory CreateSut(params (string, string)[] environment) =>
        new(new ModelFactoryOptions { Environment = TestFactory.Environment(environment) });
}
