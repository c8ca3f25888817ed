using Assay.Models;

namespace Assay.Models.Tests;

public sealed class ModelIdTests
{
    [Theory]
    [InlineData("bedrock:amazon.nova-lite-v1:0", "bedrock", "amazon.nova-lite-v1:0")]
    [InlineData("openai:gpt-4o-mini", "openai", "gpt-4o-mini")]
    [InlineData("replay:data/recorded.csv", "replay", "data/recorded.csv")]
    [InlineData("Extractive:lead", "extractive", "lead")]
    public void Parse_ProviderAndName_SplitsAtFirstColon(string text, string provider, string name)
    {
        var id = ModelId.Parse(text);

        Assert.Equal(provider, id.Provider);
        Assert.Equal(name, id.Name);
        Assert.Null(id.BaseUrl);
    }

    [Fact]
    public void Parse_OpenAiCompatible_ReadsBaseUrlAndModel()
    {
        var id = ModelId.Parse("openai-compatible:http://127.0.0.1:11434/v1#llama3.1");

        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), id.BaseUrl);
        Assert.Equal("llama3.1", id.Name);
        Assert.Equal("openai-compatible:http://127.0.0.1:11434/v1#llama3.1", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpt-4o")]
    [InlineData(":gpt-4o")]
    [InlineData("openai:")]
    [InlineData("openai-compatible:http://127.0.0.1:11434/v1")]
    [InlineData("openai-compatible:ftp://host/v1#m")]
    public void Parse_Malformed_ThrowsBadInputNamingTheId(string text)
    {
        var ex = Assert.Throws<AssayException>(() => ModelId.Parse(text));

        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }
}
