using System.Net;
using System.Text.Json;
using Amazon.Runtime.EventStreams;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Faults;

public sealed class FaultInjectionTests
{
    public static TheoryData<string> Shapes => [Calls.OpenAiJson, Calls.OpenAiStream, Calls.BedrockJson, Calls.BedrockStream];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task RateLimitAtRateOne_Returns429InTheProtocolsShape(string shape)
    {
        await using var harness = await StartAsync(new FaultOptions { RateLimit = 1 });

        using var response = await harness.Http.SendAsync(Calls.Create(shape));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var json = await ServerHarness.ReadJsonAsync(response);
        if (Calls.IsOpenAi(shape))
        {
            Assert.Equal("rate_limit_exceeded", json.GetProperty("error").GetProperty("code").GetString());
        }
        else
        {
            Assert.StartsWith("ThrottlingException:", response.Headers.GetValues("x-amzn-ErrorType").Single(), StringComparison.Ordinal);
            Assert.Contains("Too many requests", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        AssertOneFault(harness, FaultKind.RateLimit);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ServerErrorAtRateOne_Returns500InTheProtocolsShape(string shape)
    {
        await using var harness = await StartAsync(new FaultOptions { ServerError = 1 });

        using var response = await harness.Http.SendAsync(Calls.Create(shape));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        if (Calls.IsOpenAi(shape))
        {
            Assert.Equal("server_error", (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("type").GetString());
        }
        else
        {
            Assert.StartsWith("InternalServerException:", response.Headers.GetValues("x-amzn-ErrorType").Single(), StringComparison.Ordinal);
        }

        AssertOneFault(harness, FaultKind.ServerError);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ConnectionResetAtRateOne_FailsTheRequestWithoutAResponse(string shape)
    {
        await using var harness = await StartAsync(new FaultOptions { ConnectionReset = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Http.SendAsync(Calls.Create(shape)));

        AssertOneFault(harness, FaultKind.ConnectionReset);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task SlowAtRateOne_HoldsTheAnswerUntilTheClientGivesUp(string shape)
    {
        var clock = new ServerClock();
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Faults = new FaultOptions { Slow = 1, SlowDelayMs = 60_000 } }, clock);
        using var clientTimeout = new CancellationTokenSource();

        var pending = harness.Http.SendAsync(Calls.Create(shape), clientTimeout.Token);
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        await clientTimeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        AssertOneFault(harness, FaultKind.Slow);
    }

    [Fact]
    public async Task SlowWithManualClock_AnswersOnceTheDelayHasPassed()
    {
        var clock = new ServerClock();
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Faults = new FaultOptions { Slow = 1, SlowDelayMs = 30_000 } }, clock);

        var pending = harness.Http.SendAsync(Calls.Create(Calls.BedrockJson));
        await clock.WaitForTimersAsync();
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latency = (await ServerHarness.ReadJsonAsync(response)).GetProperty("metrics").GetProperty("latencyMs").GetInt64();
        Assert.Equal(30_000, latency);
        AssertOneFault(harness, FaultKind.Slow);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task StreamCutAtRateOne_BreaksTheBodyHalfWay(string shape)
    {
        await using var harness = await StartAsync(new FaultOptions { StreamCut = 1 });

        // The server flushes half the body and drops the connection a moment later; on a
        // badly overloaded machine the drop can overtake the headers, which is still a cut.
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await harness.Http.SendAsync(Calls.Create(shape), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            _ = await response.Content.ReadAsByteArrayAsync();
        });

        Assert.True(error is HttpRequestException or IOException, $"expected a broken connection, got {error?.GetType().Name ?? "a complete body"}");
        AssertOneFault(harness, FaultKind.StreamCut);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task MalformedBodyAtRateOne_SendsA200ThatDoesNotParse(string shape)
    {
        await using var harness = await StartAsync(new FaultOptions { MalformedBody = 1 });

        using var response = await harness.Http.SendAsync(Calls.Create(shape));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        switch (shape)
        {
            case Calls.OpenAiStream:
                var body = await response.Content.ReadAsStringAsync();
                Assert.ThrowsAny<JsonException>(() => Sse.Chunks(body));
                break;
            case Calls.BedrockStream:
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Throws<EventStreamChecksumFailureException>(() => EventStreamFrames.Decode(bytes));
                break;
            default:
                var text = await response.Content.ReadAsStringAsync();
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
                break;
        }

        AssertOneFault(harness, FaultKind.MalformedBody);
    }

    [Fact]
    public async Task StreamErrorAtRateOne_OpenAiStreamCarriesAnErrorEventAndNoDone()
    {
        await using var harness = await StartAsync(new FaultOptions { StreamError = 1 });

        using var response = await harness.Http.SendAsync(Calls.Create(Calls.OpenAiStream));

        var data = Sse.DataLines(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("[DONE]", data);
        var error = JsonDocument.Parse(data[^1]).RootElement.GetProperty("error");
        Assert.Equal("server_error", error.GetProperty("type").GetString());
        AssertOneFault(harness, FaultKind.StreamError);
    }

    [Fact]
    public async Task StreamErrorAtRateOne_BedrockStreamEndsWithAnExceptionFrame()
    {
        await using var harness = await StartAsync(new FaultOptions { StreamError = 1 });

        using var response = await harness.Http.SendAsync(Calls.Create(Calls.BedrockStream));

        var frames = EventStreamFrames.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("messageStart", frames[0].EventType);
        var last = frames[^1];
        Assert.Equal("exception", last.MessageType);
        Assert.Equal("modelStreamErrorException", last.ExceptionType);
        Assert.Contains("interrupted", last.Payload.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertOneFault(harness, FaultKind.StreamError);
    }

    [Fact]
    public async Task StreamErrorOnJsonRoute_DoesNotApply()
    {
        await using var harness = await StartAsync(new FaultOptions { StreamError = 1 });

        using var response = await harness.Http.SendAsync(Calls.Create(Calls.BedrockJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, harness.Server.Counters.Snapshot().TotalFaults);
    }

    [Fact]
    public async Task Routes_LimitFaultsToTheNamedRoutes()
    {
        await using var harness = await StartAsync(new FaultOptions { RateLimit = 1, Routes = [RouteNames.BedrockConverse] });

        using var openAi = await harness.Http.SendAsync(Calls.Create(Calls.OpenAiJson));
        using var bedrock = await harness.Http.SendAsync(Calls.Create(Calls.BedrockJson));

        Assert.Equal(HttpStatusCode.OK, openAi.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, bedrock.StatusCode);
    }

    [Fact]
    public async Task Faults_ChangedWhileRunning_ApplyToLaterRequests()
    {
        await using var harness = await StartAsync(FaultOptions.None);
        using var before = await harness.Http.SendAsync(Calls.Create(Calls.OpenAiJson));

        harness.Server.Faults = new FaultOptions { ServerError = 1 };
        using var after = await harness.Http.SendAsync(Calls.Create(Calls.OpenAiJson));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
    }

    [Fact]
    public async Task Faults_SetInvalid_ThrowsNamingTheField()
    {
        await using var harness = await StartAsync(FaultOptions.None);

        var error = Assert.Throws<ArgumentException>(() => harness.Server.Faults = new FaultOptions { RateLimit = 1.5 });

        Assert.Contains("faults.rateLimit", error.Message, StringComparison.Ordinal);
    }

    private static Task<ServerHarness> StartAsync(FaultOptions faults) =>
        ServerHarness.StartAsync(new FakeServerOptions { Faults = faults });

    private static void AssertOneFault(ServerHarness harness, FaultKind kind)
    {
        var counts = WaitForQuiet(harness);
        Assert.Equal(1, counts.TotalRequests);
        Assert.Equal(1, counts.FaultsOf(kind));
        Assert.Equal(1, counts.Outcome(RequestOutcome.Fault));
        Assert.Equal(0, counts.Successes);
    }

    /// <summary>The server records a fault as it injects it; a client can see the failure (or give up) a moment earlier.</summary>
    private static FakeServerCounts WaitForQuiet(ServerHarness harness)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var counts = harness.Server.Counters.Snapshot();
        while ((counts.TotalRequests == 0 || counts.Outcomes.Values.Sum() < counts.TotalRequests) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
            counts = harness.Server.Counters.Snapshot();
        }

        return counts;
    }
}
