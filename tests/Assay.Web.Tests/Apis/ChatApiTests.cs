using System.Net;
using System.Text.Json;
using Assay.FakeServer.Options;
using Assay.Services.Tests.Doubles;
using Assay.Web.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace Assay.Web.Tests.Apis;

public sealed class ChatApiTests
{
    [Fact]
    public async Task Send_NoChatModelConfigured_StreamsOfflineRecallOfThisConversationLabelled()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/c1/messages", new { message = "My badge number is 5521.", stream = false }));
        await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/c9/messages", new { message = "My badge was lost in Lyon.", stream = false }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chats/c1/messages") { Content = JsonContent.Create(new { message = "What is my badge number?" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var events = await ReadEventsAsync(response);
        Assert.True(events.Count(e => e.Event == "delta") > 1, "expected the offline answer in several deltas");
        using var done = JsonDocument.Parse(Assert.Single(events, e => e.Event == "done").Data);
        Assert.Equal("offline:memory-recall", done.RootElement.GetProperty("model").GetString());
        var answer = done.RootElement.GetProperty("answer").GetString()!;
        Assert.StartsWith("Offline chat (memory-recall, no chat model configured)", answer, StringComparison.Ordinal);
        Assert.Contains("\"My badge number is 5521.\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Lyon", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TwoConversations_TheirIdsAndCountsForThisKeyOnly()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/first/messages", new { message = "My badge number is 5521.", stream = false }));
        await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/second/messages", new { message = "hello", stream = false }));
        await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/second/messages", new { message = "again", stream = false }));

        var list = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/chats/", UriKind.Relative)));
        var byId = list.GetProperty("conversations").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("messages").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["first"] = 2, ["second"] = 4 }, byId);
        var theirs = await Problems.JsonAsync(await server.Client(TestServer.GlobexKey).GetAsync(new Uri("/v1/chats/", UriKind.Relative)));
        Assert.Empty(theirs.GetProperty("conversations").EnumerateArray());
    }

    [Fact]
    public async Task Send_StreamRequestedWithBadId_ProblemDetailsWhenTheClientAcceptsThem()
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chats/bad%20id!/messages") { Content = JsonContent.Create(new { message = "hi" }) };
        request.Headers.Accept.ParseAdd("text/event-stream, application/problem+json");
        using var response = await server.Client().SendAsync(request);

        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Conversation id 'bad id!' is not valid", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NoChatModelAndNothingToRecall_SaysSoNamingTheSetting()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/chats/c1/messages", new { message = "hello", stream = false }));

        Assert.Equal("offline:memory-recall", reply.GetProperty("model").GetString());
        Assert.Contains("services.chat.model", reply.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OfflineIndexPassagesWithoutIndex_503NamesTheSetting()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Chat.Offline = "index-passages");
        var response = await server.Client().PostAsJsonAsync("/v1/chats/c1/messages", new { message = "hello" });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("services.chat.offlineIndex", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StreamAgainstFakeServer_DeltaEventsThenDoneAndTurnStored()
    {
        await using var fake = await FakeModels.StartAsync(new AnswerOptions { Mode = AnswerMode.Echo });
        await using var server = await TestServer.StartAsync((o, _) => o.Chat.Model = fake.ModelId("fake-chat"));
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chats/c1/messages") { Content = JsonContent.Create(new { message = "The quick brown fox jumps over the lazy dog again and again." }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = await ReadEventsAsync(response);
        var deltas = events.Where(e => e.Event == "delta").ToList();
        Assert.True(deltas.Count > 1, $"expected several deltas, got {deltas.Count}");
        var done = Assert.Single(events, e => e.Event == "done");
        Assert.Contains("The quick brown fox jumps over the lazy dog again and again.", done.Data, StringComparison.Ordinal);
        Assert.Equal("done", events[^1].Event);

        var history = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/chats/c1/messages", UriKind.Relative)));
        var turns = history.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], turns.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal("The quick brown fox jumps over the lazy dog again and again.", turns[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Send_FakeServerFails_502ProblemAndNothingStored()
    {
        await using var fake = await FakeModels.StartAsync();
        fake.Faults = new FaultOptions { ServerError = 1.0 };
        await using var server = await TestServer.StartAsync((o, _) => o.Chat.Model = fake.ModelId("fake-chat"));
        var response = await server.Client().PostAsJsonAsync("/v1/chats/c2/messages", new { message = "hello" });
        Assert.True((int)response.StatusCode >= 500, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Problems.AssertProblemAsync(await server.Client().GetAsync(new Uri("/v1/chats/c2/messages", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Send_ModelThrottlesEveryAttempt_503ProblemWithTheModelsRetryAfter()
    {
        await using var fake = await FakeModels.StartAsync();
        fake.Faults = new FaultOptions { RateLimit = 1.0 };
        await using var server = await TestServer.StartAsync((o, _) => o.Chat.Model = fake.ModelId("fake-chat"));
        var response = await server.Client().PostAsJsonAsync("/v1/chats/c3/messages", new { message = "hello", stream = false });

        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("429", detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta); // the fake's own retry-after, passed on
    }

    [Fact]
    public async Task Send_LastKMemory_PromptHoldsOnlyTheLastKExchanges()
    {
        var chat = new ScriptedChatClient(prompt => "answer " + prompt.Count);
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Chat.Model = "test:chat";
            o.Chat.LastK = 2;
            m.Chat["test:chat"] = chat;
        });
        var client = server.Client();
        for (var i = 1; i <= 4; i++)
        {
            var reply = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/k/messages", new { message = $"question {i}", stream = false }));
            Assert.Equal("last-k", reply.GetProperty("memory").GetString());
            Assert.Equal(Math.Min(2 * (i - 1), 4), reply.GetProperty("historyMessages").GetInt32());
        }

        var last = chat.Prompts[^1];
        Assert.Equal(ChatRole.System, last[0].Role);
        Assert.Equal(["question 2", "question 3", "question 4"], last.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
    }

    [Fact]
    public async Task Send_FullMemoryPerRequest_EveryTurnInPrompt()
    {
        var chat = new ScriptedChatClient(_ => "ok");
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Chat.Model = "test:chat";
            o.Chat.LastK = 1;
            m.Chat["test:chat"] = chat;
        });
        var client = server.Client();
        for (var i = 1; i <= 3; i++)
        {
            await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/chats/f/messages", new { message = $"q{i}", memory = "full", stream = false }));
        }

        Assert.Equal(["q1", "q2", "q3"], chat.Prompts[^1].Where(m => m.Role == ChatRole.User).Select(m => m.Text));
    }

    [Fact]
    public async Task OtherTenant_SameConversationId_SeesNothingAndDoesNotMix()
    {
        var chat = new ScriptedChatClient(_ => "ok");
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Chat.Model = "test:chat";
            m.Chat["test:chat"] = chat;
        });
        await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/chats/shared/messages", new { message = "acme secret plan", stream = false }));
        var other = server.Client(TestServer.GlobexKey);
        await Problems.AssertProblemAsync(await other.GetAsync(new Uri("/v1/chats/shared/messages", UriKind.Relative)), HttpStatusCode.NotFound);

        await Problems.JsonAsync(await other.PostAsJsonAsync("/v1/chats/shared/messages", new { message = "globex hello", memory = "full", stream = false }));
        var globexPrompt = string.Join('\n', chat.Prompts[^1].Select(m => m.Text));
        Assert.DoesNotContain("acme secret plan", globexPrompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad id!", "Conversation id")]
    public async Task Send_BadConversationId_400(string id, string expected)
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Chat.Model = "test:none");
        var response = await server.Client().PostAsJsonAsync($"/v1/chats/{Uri.EscapeDataString(id)}/messages", new { message = "x" });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    private static async Task<List<(string Event, string Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<(string, string)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line[6..]);
            }
            else if (line.Length == 0 && data.Count > 0)
            {
                events.Add((name ?? "message", string.Join('\n', data)));
                name = null;
                data.Clear();
            }
        }

        return events;
    }
}
