using Assay.Models;
using Assay.Services.Access;

namespace Assay.Services.Tests.Access;

public sealed class ModelAllowListTests
{
    [Theory]
    [InlineData("bedrock:amazon.nova-lite-v1:0", "bedrock:amazon.nova-lite-v1:0", true)]
    [InlineData("bedrock:amazon.nova-lite-v1:0", "bedrock:amazon.nova-pro-v1:0", false)]
    [InlineData("bedrock:*", "bedrock:anthropic.claude-3-haiku", true)]
    [InlineData("bedrock:*", "openai:gpt-4o-mini", false)]
    [InlineData("bedrock:amazon.*", "bedrock:amazon.nova-pro-v1:0", true)]
    [InlineData("bedrock:amazon.*", "bedrock:anthropic.claude-3-haiku", false)]
    [InlineData("openai-compatible:http://127.0.0.1:11434/v1#llama3.1", "openai-compatible:http://127.0.0.1:11434/v1/#qwen2.5", true)]
    [InlineData("openai-compatible:http://127.0.0.1:11434/v1#*", "openai-compatible:http://127.0.0.1:11434/v1#qwen2.5", true)]
    [InlineData("openai-compatible:http://127.0.0.1:11434/v1#llama3.1", "openai-compatible:http://127.0.0.1:9999/v1#llama3.1", false)]
    [InlineData("openai-compatible:http://127.0.0.1:11434/v1#llama3.1", "openai-compatible:http://127.0.0.1:11434/v2#llama3.1", false)]
    [InlineData("openai:gpt-4o-mini", "openai-compatible:https://api.openai.com/v1#gpt-4o-mini", false)]
    public void Allows_MatchesExactIdsPrefixesAndEndpoints(string entry, string model, bool allowed) =>
        Assert.Equal(allowed, new ModelAllowList([entry], "test").Allows(ModelId.Parse(model)));

    [Fact]
    public void Constructor_MalformedEntry_NamesTheSettingAndTheEntry()
    {
        var error = Assert.Throws<AssayException>(() => new ModelAllowList(["gpt4"], "services.allowedModels"));
        Assert.StartsWith("Setting services.allowedModels: 'gpt4' is not a model id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_AllowsNothing()
    {
        var list = new ModelAllowList([null, " "], "test");
        Assert.True(list.IsEmpty);
        Assert.False(list.Allows(ModelId.Parse("openai:gpt-4o-mini")));
    }
}
