using System.Text;
using System.Text.Json;
using Assay.Models.OpenAI;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.OpenAI;

public sealed class ChatCompletionWireTests
{
    [Fact]
    public async Task WriteRequest_OptionsAndStream_WrittenUnderTheApiNames()
    {
        var options = new ChatOptions { Temperature = 0.5f, TopP = 0.9f, MaxOutputTokens = 64, StopSequences = ["END"], ResponseFormat = ChatResponseFormat.Json };

        using var content = ChatCompletionWire.WriteRequest("m1", [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi \"there\"")], options, stream: true);
        using var json = JsonDocument.Parse(await content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json", content.Headers.ContentType?.MediaType);
        Assert.Equal("m1", root.GetProperty("model").GetString());
        Assert.Equal("system", root.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("Hi \"there\"", root.GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Equal(0.5, root.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal(64, root.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal("END", root.GetProperty("stop")[0].GetString());
        Assert.Equal("json_object", root.GetProperty("response_format").GetProperty("type").GetString());
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.True(root.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public async Task WriteRequest_NoOptions_OnlyModelAndMessages()
    {
        using var content = ChatCompletionWire.WriteRequest("m1", [new(ChatRole.User, "x")], null);
        using var json = JsonDocument.Parse(await content.ReadAsStringAsync());

        Assert.Equal(["model", "messages"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void WriteRequest_ToolRole_RefusedWithWhatToSend()
    {
        var ex = Assert.Throws<AssayException>(() => ChatCompletionWire.WriteRequest("m1", [new(ChatRole.Tool, "x")], null));

        Assert.Contains("system, user and assistant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_FullCompletion_TextUsageFinishAndIds()
    {
        var body = """
            {"id":"c1","object":"chat.completion","created":1700000000,"model":"m1","system_fingerprint":{"nested":[1,2]},
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello.","tool_calls":[]},"logprobs":null,"finish_reason":"length"},
                        {"index":1,"message":{"role":"assistant","content":"Other."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":8,"audio_tokens":0}}}
            """;

        var response = ChatCompletionWire.ReadResponse(Encoding.UTF8.GetBytes(body));

        Assert.Equal("Hello.", response.Text);
        Assert.Equal("c1", response.ResponseId);
        Assert.Equal("m1", response.ModelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), response.CreatedAt);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(12, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);
        Assert.Equal(8, response.Usage.CachedInputTokenCount);
    }

    [Fact]
    public void ReadResponse_NullContentAndNullUsage_EmptyTextNoUsage()
    {
        var response = ChatCompletionWire.ReadResponse("""{"choices":[{"message":null,"finish_reason":"stop"}],"usage":null}"""u8);

        Assert.Equal(string.Empty, response.Text);
        Assert.Null(response.Usage);
    }

    [Theory]
    [InlineData("""{"id":"c1"}""")]
    [InlineData("""{"choices":[{"message":{"content":"cut""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void ReadResponse_NotACompletion_JsonException(string body)
    {
        Assert.ThrowsAny<JsonException>(() => ChatCompletionWire.ReadResponse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void ReadChunk_DeltaAndUsage_UpdateWithTextAndUsageContent()
    {
        var delta = ChatCompletionWire.ReadChunk("""{"id":"c1","model":"m1","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}"""u8);
        var usage = ChatCompletionWire.ReadChunk("""{"id":"c1","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2}}"""u8);

        Assert.Equal("Hel", delta.Update!.Text);
        Assert.Null(delta.Update.FinishReason);
        Assert.Equal(5, Assert.IsType<UsageContent>(Assert.Single(usage.Update!.Contents)).Details.InputTokenCount);
    }

    [Fact]
    public void ReadChunk_ErrorEvent_ErrorInsteadOfUpdate()
    {
        var chunk = ChatCompletionWire.ReadChunk("""{"error":{"message":"interrupted","type":"server_error"}}"""u8);

        Assert.Null(chunk.Update);
        Assert.Equal("interrupted", chunk.Error);
        Assert.Equal("server_error", chunk.ErrorType);
    }
}
