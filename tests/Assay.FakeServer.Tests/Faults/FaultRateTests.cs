using System.Net;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Faults;

public sealed class FaultRateTests
{
    [Fact]
    public async Task SeededRates_HoldWithinBinomialBoundsAndEveryRequestIsCountedOnce()
    {
        const int calls = 400;
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Faults = new FaultOptions { RateLimit = 0.3, ServerError = 0.05, Seed = 7 } });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < calls; i++)
        {
            using var response = await harness.Http.SendAsync(Calls.Create(Calls.OpenAiJson, $"Call {i}."));
            statuses.Add(response.StatusCode);
        }

        var counts = harness.Server.Counters.Snapshot();
        var limited = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        var failed = statuses.Count(s => s == HttpStatusCode.InternalServerError);
        // Within 4 standard deviations of n*p: a seeded run cannot flake, and a wrong rate cannot pass.
        Assert.InRange(limited, 120 - 37, 120 + 37);
        Assert.InRange(failed, 20 - 18, 20 + 18);
        Assert.Equal(limited, counts.FaultsOf(FaultKind.RateLimit));
        Assert.Equal(failed, counts.FaultsOf(FaultKind.ServerError));
        Assert.Equal(calls - limited - failed, counts.Successes);
        Assert.Equal(calls, counts.TotalRequests);
        Assert.Equal(calls, counts.Outcomes.Values.Sum());
    }

    [Fact]
    public async Task SameSeed_SequentialCalls_GiveTheSameFaultSequence()
    {
        var first = await StatusSequenceAsync(seed: 11);
        var second = await StatusSequenceAsync(seed: 11);
        var other = await StatusSequenceAsync(seed: 12);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task ConcurrentCallsWithFaults_EveryPromptAnsweredAtMostOnceAndOutcomesAddUp()
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Faults = new FaultOptions { RateLimit = 0.3, ServerError = 0.05, Seed = 3 } });
        var prompts = Enumerable.Range(0, 200).Select(i => $"Question number {i}.").ToList();

        var results = await Task.WhenAll(prompts.Select(async p =>
        {
            using var response = await harness.Http.SendAsync(Calls.Create(Calls.BedrockJson, p));
            return (p, response.StatusCode);
        }));

        var counts = harness.Server.Counters.Snapshot();
        Assert.Equal(200, counts.TotalRequests);
        Assert.Equal(200, counts.Outcomes.Values.Sum());
        foreach (var (prompt, status) in results)
        {
            Assert.Equal(status == HttpStatusCode.OK ? 1 : 0, harness.Server.Counters.SuccessesForPrompt(prompt));
        }

        Assert.Equal(results.Count(r => r.StatusCode == HttpStatusCode.OK), counts.SuccessesOn(RouteNames.BedrockConverse));
        Assert.Equal(0, counts.Outcome(RequestOutcome.ServerFailed));
    }

    private static async Task<List<HttpStatusCode>> StatusSequenceAsync(int seed)
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Faults = new FaultOptions { RateLimit = 0.5, Seed = seed } });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await harness.Http.SendAsync(Calls.Create(Calls.OpenAiJson));
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
