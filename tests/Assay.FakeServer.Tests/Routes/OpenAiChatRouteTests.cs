using System.Net;
using System.Text.Json;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class OpenAiChatRouteTests
{
    [Fact]
    public async Task Post_JsonRequest_ReturnsChatCompletionWithFirstSentenceAndUsage()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Summarise this. Then stop!")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("chat.completion", json.GetProperty("object").GetString());
        Assert.StartsWith("chatcmpl-", json.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("gpt-4o-mini", json.GetProperty("model").GetString());
        var choice = json.GetProperty("choices")[0];
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("Summarise this.", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var usage = json.GetProperty("usage");
        // "Be brief." = 3 tokens, "Summarise this. Then stop!" = 6; "Summarise this." = 3.
        Assert.Equal(9, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(3, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(12, usage.GetProperty("total_tokens").GetInt32());
        Assert.True(response.Headers.Contains("x-assay-fake-server"));
    }

    [Fact]
    public async Task Post_MaxTokensBelowAnswer_TruncatesWithFinishReasonLength()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("one two three four five.", maxTokens: 2)));

        var choice = (await ServerHarness.ReadJsonAsync(response)).GetProperty("choices")[0];
        Assert.Equal("one two", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Post_Stream_SendsChunksThatConcatenateToTheAnswerThenDone()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Hello, streaming world! More text.", stream: true)));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var data = Sse.DataLines(body);
        Assert.Equal("[DONE]", data[^1]);
        var chunks = Sse.Chunks(body);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var text = string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Where(d => d.TryGetProperty("content", out _))
            .Select(d => d.GetProperty("content").GetString()));
        Assert.Equal("Hello, streaming world!", text);
        Assert.Equal("stop", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.All(chunks, c => Assert.False(c.TryGetProperty("usage", out _)));
    }

    [Fact]
    public async Task Post_StreamWithIncludeUsage_EndsWithUsageChunkWithoutChoices()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Count me in.", stream: true, includeUsage: true)));

        var chunks = Sse.Chunks(await response.Content.ReadAsStringAsync());
        var last = chunks[^1];
        Assert.Equal(0, last.GetProperty("choices").GetArrayLength());
        Assert.Equal(4, last.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(7, last.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.All(chunks[..^1], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("usage").ValueKind));
    }

    [Fact]
    public async Task Post_MissingMessages_Returns400NamingTheParameter()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", new { model = "gpt-4o-mini" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ServerHarness.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("messages", error.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(1, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.BadRequest));
    }

    [Fact]
    public async Task Post_BodyNotJson_Returns400()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = ServerHarness.OpenAi("v1/chat/completions", new { });
        request.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
