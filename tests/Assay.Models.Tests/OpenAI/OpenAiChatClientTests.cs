using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Assay.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Assay.Models.Tests.OpenAI;

/// <summary>The OpenAI-compatible provider over real HTTP against the fake server (first-sentence answers).</summary>
public sealed class OpenAiChatClientTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    private FakeModelServer Server => fixture.Server;

    [Fact]
    public async Task GetResponse_OpenAiCompatible_AnswerUsageAndMetering()
    {
        using var factory = CreateSut();
        var client = factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#llama3.1");

        var response = await client.GetResponseAsync("The sky is blue. Grass is green.", new ChatOptions { Temperature = 0, MaxOutputTokens = 50 });
        var metrics = response.GetCallMetrics()!;

        Assert.Equal("The sky is blue.", response.Text);
        Assert.False(metrics.TokensEstimated);
        Assert.True(metrics.InputTokens > 0);
        Assert.True(metrics.OutputTokens > 0);
        Assert.Equal(0m, metrics.CostUsd);
        Assert.NotNull(metrics.Latency);
        Assert.Equal(1, metrics.Attempts);
    }

    [Fact]
    public async Task GetStreaming_OpenAiWithBaseUrl_TextUsageAndTimeToFirstToken()
    {
        using var factory = CreateSut(("OPENAI_API_KEY", FakeServerCredentials.OpenAiKey), ("OPENAI_BASE_URL", Server.OpenAiBaseUrl.ToString()));
        var client = factory.CreateChatClient("openai:gpt-4o-mini");

        var updates = await client.GetStreamingResponseAsync("Streaming works over SSE. Second sentence.").ToListAsync();
        var metrics = updates[^1].GetCallMetrics()!;

        Assert.Equal("Streaming works over SSE.", string.Concat(updates.Select(u => u.Text)));
        Assert.NotNull(metrics.TimeToFirstToken);
        Assert.True(metrics.TimeToFirstToken <= metrics.Latency);
        Assert.False(metrics.TokensEstimated); // the SDK asks for stream usage and the server sends it
        Assert.True(metrics.CostUsd > 0m);
    }

    [Fact]
    public async Task GetResponse_WrongKey_OneLineErrorWithoutTheKey()
    {
        var server = await FakeModelServer.StartAsync(new FakeServerOptions { Auth = new AuthOptions { OpenAiKeys = ["sk-the-right-one"] } });
        await using var _ = server;
        using var factory = CreateSut(("OPENAI_API_KEY", "sk-wrong-secret-987"), ("OPENAI_BASE_URL", server.OpenAiBaseUrl.ToString()));

        var ex = await Assert.ThrowsAsync<AssayException>(() => factory.CreateChatClient("openai:gpt-4o-mini").GetResponseAsync("hi"));

        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("credential", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Counters.Snapshot().TotalRequests); // a rejected key is not retried
        Assert.Equal(1, Assert.IsType<ModelServiceException>(ex.InnerException).Attempts);
        Assert.DoesNotContain("sk-wrong-secret-987", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
    }

    [Fact]
    public async Task GetResponse_ServerUnreachable_FinalErrorAfterBudget()
    {
        using var factory = CreateSut(resilience: new() { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });
        var client = factory.CreateChatClient("openai-compatible:http://127.0.0.1:9/v1#none");

        var ex = await Assert.ThrowsAsync<AssayException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("after 2 attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_ClosedLoopbackPort_FailsAtOnceWithTwoAttemptsNamingTheUrl()
    {
        // The clock never moves: any backoff wait would hang until the real-time guard below.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        var port = ClosedLoopbackPort();
        using var factory = new ModelFactory(new ModelFactoryOptions
        {
            Environment = TestFactory.Environment(("OPENAI_API_KEY", "sk-never-shown-123")),
            TimeProvider = time,
            Resilience = new(), // the default budget: 6 attempts, backoff from 1 s up to 30 s
        });
        var client = factory.CreateChatClient($"openai-compatible:http://127.0.0.1:{port}/v1#closed");

        var ex = await Assert.ThrowsAsync<AssayException>(() => client.GetResponseAsync("hi").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.InRange(Assert.IsType<ModelServiceException>(ex.InnerException).Attempts, 1, 2);
        Assert.Contains($"cannot reach http://127.0.0.1:{port}/v1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("check that the service is running", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-never-shown-123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_CacheOn_SecondCallServedFromCacheWithoutRequest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-cache-{Guid.NewGuid():N}.db");
        try
        {
            using var factory = new ModelFactory(new ModelFactoryOptions { Environment = TestFactory.Environment(), CachePath = path });
            var client = factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#cache-test");
            var prompt = $"Cache me {Guid.NewGuid():N}. Please.";

            var first = await client.GetResponseAsync(prompt);
            var second = await client.GetResponseAsync(prompt);

            Assert.Equal(first.Text, second.Text);
            Assert.True(second.GetCallMetrics()!.Cached);
            Assert.Null(second.GetCallMetrics()!.Latency);
            Assert.Equal(1, Server.Counters.SuccessesForPrompt(prompt));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("malformed")]
    [InlineData("error")]
    public async Task GetStreaming_StreamFaultHalfWay_OneLineErrorSayingTheAnswerIsIncomplete(string fault)
    {
        var faults = fault switch
        {
            "cut" => new FaultOptions { StreamCut = 1 },
            "malformed" => new FaultOptions { MalformedBody = 1 },
            _ => new FaultOptions { StreamError = 1 },
        };
        var server = await FakeModelServer.StartAsync(new FakeServerOptions { Faults = faults });
        await using var _ = server;
        using var factory = CreateSut();
        var client = factory.CreateChatClient($"openai-compatible:{server.OpenAiBaseUrl}#faulty");

        var ex = await Assert.ThrowsAsync<AssayException>(() => client.GetStreamingResponseAsync("One two three four five six seven eight. Second.").ToListAsync().AsTask());

        Assert.Contains("incomplete", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
    }

    [Fact]
    public async Task GetResponse_MalformedJsonEveryTime_FinalErrorSaysUnreadable()
    {
        var server = await FakeModelServer.StartAsync(new FakeServerOptions { Faults = new FaultOptions { MalformedBody = 1 } });
        await using var _ = server;
        using var factory = CreateSut(resilience: new() { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

        var ex = await Assert.ThrowsAsync<AssayException>(() => factory.CreateChatClient($"openai-compatible:{server.OpenAiBaseUrl}#bad").GetResponseAsync("hi"));

        Assert.Contains("could not be read", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_SeedAndOptions_ReachTheWireThroughTheSdk()
    {
        using var wire = new WireTap(processingMs: null);
        using var factory = new ModelFactory(new ModelFactoryOptions { Environment = TestFactory.Environment(), HttpHandler = wire });
        var client = factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#seeded");

        var response = await client.GetResponseAsync("Seeded call. Second.", new ChatOptions { Seed = 424242, Temperature = 0.25f, MaxOutputTokens = 32 });

        Assert.Equal("Seeded call.", response.Text);
        using var body = System.Text.Json.JsonDocument.Parse(Assert.Single(wire.Bodies));
        Assert.Equal(424242, body.RootElement.GetProperty("seed").GetInt64());
        Assert.Equal(0.25, body.RootElement.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal("seeded", body.RootElement.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Call_EndpointSendsProcessingMs_MeteredAsServerLatency(bool stream)
    {
        using var wire = new WireTap(processingMs: "37");
        using var factory = new ModelFactory(new ModelFactoryOptions { Environment = TestFactory.Environment(), HttpHandler = wire });
        var client = factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#latency");

        var metrics = stream
            ? (await client.GetStreamingResponseAsync("Timed call. Second.").ToListAsync())[^1].GetCallMetrics()!
            : (await client.GetResponseAsync("Timed call. Second.")).GetCallMetrics()!;

        Assert.Equal(TimeSpan.FromMilliseconds(37), metrics.ServerLatency);
    }

    [Fact]
    public async Task Call_NoProcessingMsHeader_NoServerLatency()
    {
        using var factory = CreateSut();

        var metrics = (await factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#plain").GetResponseAsync("Plain call. Second.")).GetCallMetrics()!;

        Assert.Null(metrics.ServerLatency);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ModelFactory CreateSut(params (string, string)[] environment) => CreateSut(null, environment);

    private static ModelFactory CreateSut(Assay.Models.Resilience.ResilienceOptions? resilience, params (string, string)[] environment) =>
        new(new ModelFactoryOptions
        {
            Environment = TestFactory.Environment(environment),
            Resilience = resilience ?? new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });
}

/// <summary>Sits in front of the fake server: keeps each request body, and adds an <c>openai-processing-ms</c> header as OpenAI's endpoint does.</summary>
internal sealed class WireTap(string? processingMs) : DelegatingHandler(new SocketsHttpHandler())
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Bodies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            Bodies.Enqueue(await request.Content.ReadAsStringAsync(cancellationToken));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (processingMs is not null)
        {
            response.Headers.TryAddWithoutValidation("openai-processing-ms", processingMs);
        }

        return response;
    }
}
