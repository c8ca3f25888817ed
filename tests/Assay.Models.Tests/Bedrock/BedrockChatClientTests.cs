using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Assay.Testing;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.Bedrock;

/// <summary>The Bedrock provider over real HTTP against the fake server, with SigV4 and with a Bedrock API key.</summary>
public sealed class BedrockChatClientTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    private FakeModelServer Server => fixture.Server;

    [Fact]
    public async Task GetResponse_SigV4_AnswerUsageAndServerLatency()
    {
        using var factory = CreateSut(Sigv4());
        var client = factory.CreateChatClient("bedrock:amazon.nova-lite-v1:0");

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are an assistant."), new ChatMessage(ChatRole.User, "Bedrock answers here. More text.")],
            new ChatOptions { Temperature = 0, TopP = 1, MaxOutputTokens = 1024 });
        var metrics = response.GetCallMetrics()!;

        Assert.Equal("Bedrock answers here.", response.Text);
        Assert.NotNull(metrics.ServerLatency);
        Assert.False(metrics.TokensEstimated);
        Assert.True(metrics.InputTokens > 0);
        Assert.Equal((metrics.InputTokens * 0.00006m + metrics.OutputTokens * 0.00024m) / 1000m, metrics.CostUsd);
    }

    [Fact]
    public async Task GetResponse_SigV4WithTheWrongSecret_RefusedByTheSignatureCheckWithoutShowingIt()
    {
        // The fixture's server verifies signatures with the real secret; this client signs with another.
        using var factory = CreateSut([.. Sigv4().Where(e => e.Item1 != "AWS_SECRET_ACCESS_KEY"), ("AWS_SECRET_ACCESS_KEY", "not/the/secret/the/server/knows/0000000")]);
        var client = factory.CreateChatClient("bedrock:amazon.nova-lite-v1:0");

        // A refused credential is the user's to fix, not a transient failure: one attempt, and a message that says so.
        var ex = await Assert.ThrowsAsync<AssayException>(() => client.GetResponseAsync("Signed with the wrong key."));

        Assert.Contains("HTTP 403 InvalidSignatureException", ex.Message, StringComparison.Ordinal);
        Assert.Contains("credential", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not/the/secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreaming_BearerKey_EventStreamDecodedWithTtftAndUsage()
    {
        using var factory = CreateSut([("AWS_BEARER_TOKEN_BEDROCK", FakeServerCredentials.BedrockApiKey)]);
        var client = factory.CreateChatClient("bedrock:us.anthropic.claude-3-5-haiku-20241022-v1:0");

        var updates = await client.GetStreamingResponseAsync("Streams come in frames. Second one.").ToListAsync();
        var metrics = updates[^1].GetCallMetrics()!;

        Assert.Equal("Streams come in frames.", string.Concat(updates.Select(u => u.Text)));
        Assert.NotNull(metrics.TimeToFirstToken);
        Assert.NotNull(metrics.ServerLatency);
        Assert.False(metrics.TokensEstimated);
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
    }

    [Fact]
    public async Task GetStreaming_CorruptedFrameMidStream_RejectedByCrcNeverShown()
    {
        var server = await FakeModelServer.StartAsync(new FakeServerOptions { Faults = new FaultOptions { MalformedBody = 1.0 } });
        await using var _ = server;
        using var factory = CreateSut(Sigv4(), server, new() { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });
        var seen = new List<string>();

        var ex = await Assert.ThrowsAsync<AssayException>(async () =>
        {
            await foreach (var update in factory.CreateChatClient("bedrock:amazon.nova-lite-v1:0").GetStreamingResponseAsync("Hello there. And more."))
            {
                seen.Add(update.Text);
            }
        });

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("CRC mismatch", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seen, t => t.Contains("corrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetResponse_Throttled_RetriedUntilSuccess()
    {
        var server = await FakeModelServer.StartAsync(new FakeServerOptions { Faults = new FaultOptions { RateLimit = 0.5, Seed = 3 } });
        await using var _ = server;
        using var factory = CreateSut(Sigv4(), server, new() { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) });
        var client = factory.CreateChatClient("bedrock:amazon.nova-lite-v1:0");

        var attempts = 0;
        for (var i = 0; i < 20; i++)
        {
            attempts += (await client.GetResponseAsync($"Call {i}.")).GetCallMetrics()!.Attempts;
        }

        Assert.Equal(server.Counters.Snapshot().TotalRequests, attempts);
        Assert.True(attempts > 20);
    }

    [Fact]
    public void CreateChatClient_NoCredentials_NamesWhatToSet()
    {
        using var factory = CreateSut([("AWS_PROFILE", "assay-no-such-profile")]);

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("bedrock:amazon.nova-lite-v1:0"));

        Assert.Contains("AWS_BEARER_TOKEN_BEDROCK", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embeddings_TitanV2_VectorsAndTokens()
    {
        using var factory = CreateSut(Sigv4());
        var generator = factory.CreateEmbeddingGenerator("bedrock:amazon.titan-embed-text-v2:0");

        var result = await generator.GenerateAsync(["first text", "second text"], new EmbeddingGenerationOptions { Dimensions = 256 });

        Assert.Equal(2, result.Count);
        Assert.All(result, e => Assert.Equal(256, e.Vector.Length));
        Assert.NotEqual(result[0].Vector.ToArray(), result[1].Vector.ToArray());
        Assert.False(result.GetCallMetrics()!.TokensEstimated);
        Assert.True(result.GetCallMetrics()!.InputTokens > 0);
    }

    [Fact]
    public async Task OptimizePrompt_ReadsOptimizedPromptEvent()
    {
        using var factory = CreateSut(Sigv4());

        var result = await factory.OptimizePromptAsync("First, please read the article below.\n{context}\n Now, can you write me an extremely short abstract for it?", "amazon.nova-lite-v1:0");

        Assert.False(string.IsNullOrWhiteSpace(result.Text));
        Assert.Contains("context", result.Text, StringComparison.Ordinal);
    }

    private static (string, string)[] Sigv4() =>
    [
        ("AWS_ACCESS_KEY_ID", FakeServerCredentials.AwsAccessKeyId),
        ("AWS_SECRET_ACCESS_KEY", FakeServerCredentials.AwsSecretAccessKey),
        ("AWS_REGION", FakeServerCredentials.AwsRegion),
    ];

    private ModelFactory CreateSut((string, string)[] environment, FakeModelServer? server = null, Assay.Models.Resilience.ResilienceOptions? resilience = null) =>
        new(new ModelFactoryOptions
        {
            Environment = TestFactory.Environment([.. environment, ("ASSAY_BEDROCK_ENDPOINT", (server ?? Server).BaseUrl.ToString())]),
            Resilience = resilience ?? new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });
}
