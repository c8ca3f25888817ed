using Assay.FakeServer;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Options;
using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.Resilience;

/// <summary>The whole decorator stack over real HTTP while the fake server injects 429s and 500s.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ThousandCalls_30Pct429And5Pct500_AllSucceedNoneLostOrDoubleCounted()
    {
        await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Answers = new AnswerOptions { Mode = AnswerMode.Echo },
            Faults = new FaultOptions { RateLimit = 0.30, ServerError = 0.05, Seed = 42 },
        });
        var ledger = new CallMetricsLedger();
        using var factory = new ModelFactory(new ModelFactoryOptions
        {
            Environment = TestFactory.Environment(),
            Ledger = ledger,
            // Tiny backoff so the test runs in seconds; 12 attempts make P(all fail) = 0.35^12, about 3e-6 per call.
            Resilience = new() { MaxAttempts = 12, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(4), MaxConcurrencyPerModel = 16 },
        });
        var client = factory.CreateChatClient($"openai-compatible:{server.OpenAiBaseUrl}#echo");
        const int Calls = 1000;
        var attempts = new int[Calls];
        var answers = new string[Calls];

        await Parallel.ForAsync(0, Calls, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var response = await client.GetResponseAsync($"call number {i}", cancellationToken: ct);
            answers[i] = response.Text;
            attempts[i] = response.GetCallMetrics()!.Attempts;
        });

        var counts = server.Counters.Snapshot();
        var successes = server.Counters.SuccessesByPrompt();
        Assert.All(Enumerable.Range(0, Calls), i => Assert.Equal($"call number {i}", answers[i]));
        Assert.Equal(Calls, successes.Count);
        Assert.All(successes.Values, n => Assert.Equal(1, n)); // none answered twice
        Assert.Equal(Calls, counts.Successes);
        Assert.Equal(counts.TotalRequests, attempts.Sum()); // every request the server saw is one metered attempt
        Assert.Equal(counts.TotalFaults, attempts.Sum() - Calls);
        Assert.True(counts.FaultsOf(Assay.FakeServer.Faults.FaultKind.RateLimit) > 200, $"429s injected: {counts.FaultsOf(Assay.FakeServer.Faults.FaultKind.RateLimit)}");
        Assert.True(counts.FaultsOf(Assay.FakeServer.Faults.FaultKind.ServerError) > 20);
        Assert.Equal(Calls, ledger.Calls);
        Assert.Equal(counts.TotalFaults, ledger.Retries);
        Assert.Equal(0, counts.Outcome(RequestOutcome.ClientAborted));
    }

    [Fact]
    public async Task AlwaysFailing_FailureCarriesTheAttemptsTheServerSaw()
    {
        await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Answers = new AnswerOptions { Mode = AnswerMode.Echo },
            Faults = new FaultOptions { ServerError = 1.0, Seed = 7 },
        });
        using var factory = new ModelFactory(new ModelFactoryOptions
        {
            Environment = TestFactory.Environment(),
            Resilience = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        });
        var client = factory.CreateChatClient($"openai-compatible:{server.OpenAiBaseUrl}#echo");
        const int Calls = 5;
        var attempts = 0;

        for (var i = 0; i < Calls; i++)
        {
            var ex = await Assert.ThrowsAsync<AssayException>(() => client.GetStreamingResponseAsync($"failing call {i}").ToListAsync().AsTask());
            var service = Assert.IsType<ModelServiceException>(ex.InnerException);
            Assert.Equal(4, service.Attempts);
            attempts += service.Attempts;
        }

        var counts = server.Counters.Snapshot();
        Assert.Equal(counts.TotalRequests, attempts); // every request the server saw is one reported attempt
        Assert.Equal(Calls * 4, counts.TotalFaults);
    }
}
