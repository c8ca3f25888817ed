using System.Text.Json;
using Assay.FakeServer.Batches.Bedrock.Families;

namespace Assay.FakeServer.Tests.Batches.Bedrock.Families;

public sealed class ModelFamiliesTests
{
    [Theory]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0", "anthropic.")]
    [InlineData("us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.")]
    [InlineData("global.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.amazon.nova-pro-v1:0", "amazon.nova")]
    [InlineData("apac.amazon.nova-micro-v1:0", "amazon.nova")]
    [InlineData("meta.llama3-70b-instruct-v1:0", "meta.llama")]
    [InlineData("mistral.mistral-large-2402-v1:0", "mistral.")]
    public void Find_KnownFamily_LooksThroughArnsAndRegionPrefixes(string modelId, string prefix) =>
        Assert.Equal(prefix, ModelFamilies.Find(modelId)?.Prefix);

    [Theory]
    [InlineData("cohere.command-r-v1:0")]
    [InlineData("amazon.titan-text-express-v1")]
    [InlineData("us.ai21.jamba-1-5-mini-v1:0")]
    public void Find_OtherFamily_IsNull(string modelId) => Assert.Null(ModelFamilies.Find(modelId));

    [Theory]
    [InlineData("""{"anthropic_version":"bedrock-2023-05-31","messages":[{"role":"user","content":"x"}]}""", "required key [max_tokens]")]
    [InlineData("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":"ten","messages":[{"role":"user","content":"x"}]}""", "#/max_tokens: expected type: Integer, found: String")]
    [InlineData("""{"max_tokens":10,"messages":[{"role":"user","content":"x"}]}""", "required key [anthropic_version]")]
    [InlineData("""{"anthropic_version":"v","max_tokens":10,"messages":[{"role":"robot","content":"x"}]}""", "#/messages/0/role")]
    [InlineData("""{"anthropic_version":"v","max_tokens":10,"messages":[]}""", "#/messages")]
    [InlineData("""{"anthropic_version":"v","max_tokens":10,"temperature":3,"messages":[{"role":"user","content":"x"}]}""", "#/temperature")]
    public void Anthropic_InputThatDoesNotFit_NamesTheField(string json, string expected)
    {
        var (request, error) = AnthropicMessages.Instance.Read("anthropic.claude", JsonDocument.Parse(json).RootElement);

        Assert.Null(request);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith("Malformed input request:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"not an array"}]}""", "#/messages/0/content: expected type: JSONArray")]
    [InlineData("""{"messages":[{"role":"user","content":[{"text":"x"}]}],"inferenceConfig":{"maxTokens":0}}""", "#/inferenceConfig/maxTokens")]
    [InlineData("""{"system":[{"text":"s"}]}""", "required key [messages]")]
    public void Nova_InputThatDoesNotFit_NamesTheField(string json, string expected) =>
        Assert.Contains(expected, NovaMessages.Instance.Read("amazon.nova-lite-v1:0", JsonDocument.Parse(json).RootElement).Error, StringComparison.Ordinal);

    [Fact]
    public void Nova_MaxNewTokens_IsTheLimit() =>
        Assert.Equal(7, NovaMessages.Instance.Read("amazon.nova-lite-v1:0", JsonDocument.Parse("""{"messages":[{"role":"user","content":[{"text":"x"}]}],"inferenceConfig":{"max_new_tokens":7}}""").RootElement).Request?.MaxTokens);

    [Theory]
    [InlineData("""{"max_gen_len":10}""", "required key [prompt]")]
    [InlineData("""{"prompt":"x","max_gen_len":5000}""", "#/max_gen_len")]
    public void Llama_InputThatDoesNotFit_NamesTheField(string json, string expected) =>
        Assert.Contains(expected, LlamaPrompt.Instance.Read("meta.llama3", JsonDocument.Parse(json).RootElement).Error, StringComparison.Ordinal);

    [Fact]
    public void Mistral_PromptNotAString_NamesTheField() =>
        Assert.Contains("#/prompt: expected type: String, found: JSONArray", MistralPrompt.Instance.Read("mistral.x", JsonDocument.Parse("""{"prompt":["x"]}""").RootElement).Error, StringComparison.Ordinal);

    [Fact]
    public void Anthropic_ValidInput_ReadsLastUserTextAllTextsAndLimit()
    {
        const string json = """{"anthropic_version":"v","max_tokens":12,"system":[{"type":"text","text":"Sys."}],"messages":[{"role":"user","content":"First."},{"role":"assistant","content":"Ok."},{"role":"user","content":[{"type":"image","source":{}},{"type":"text","text":"Last."}]}]}""";

        var (request, error) = AnthropicMessages.Instance.Read("anthropic.claude", JsonDocument.Parse(json).RootElement);

        Assert.Null(error);
        Assert.Equal("Last.", request!.LastUserMessage);
        Assert.Equal(["Sys.", "First.", "Ok.", "Last."], request.AllTexts);
        Assert.Equal(12, request.MaxTokens);
    }
}
