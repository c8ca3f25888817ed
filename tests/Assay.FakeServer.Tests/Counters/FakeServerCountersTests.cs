using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;

namespace Assay.FakeServer.Tests.Counters;

public sealed class FakeServerCountersTests
{
    [Fact]
    public void RequestEnded_CountsOutcomesFaultsAndPrompts()
    {
        var counters = new FakeServerCounters();
        counters.RequestStarted("openai.chat");
        counters.RequestStarted("openai.chat");
        counters.RequestStarted("bedrock.converse");

        counters.RequestEnded("openai.chat", RequestOutcome.Success, FaultKind.None, "p1");
        counters.RequestEnded("openai.chat", RequestOutcome.Fault, FaultKind.RateLimit, "p2");
        counters.RequestEnded("bedrock.converse", RequestOutcome.Success, FaultKind.None, "p1");

        var counts = counters.Snapshot();
        Assert.Equal(3, counts.TotalRequests);
        Assert.Equal(2, counts.Requests("openai.chat"));
        Assert.Equal(1, counts.SuccessesOn("openai.chat"));
        Assert.Equal(2, counts.Successes);
        Assert.Equal(1, counts.FaultsOf(FaultKind.RateLimit));
        Assert.Equal(0, counts.InFlight);
        Assert.Equal(2, counters.SuccessesForPrompt("p1"));
        Assert.Equal(0, counters.SuccessesForPrompt("p2"));
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var counters = new FakeServerCounters();
        counters.RequestStarted("openai.chat");
        counters.RequestEnded("openai.chat", RequestOutcome.Success, FaultKind.None, "p");

        counters.Reset();

        Assert.Equal(0, counters.Snapshot().TotalRequests);
        Assert.Empty(counters.SuccessesByPrompt());
    }

    [Fact]
    public void BatchJobCreated_CountsPerProvider_AndResetForgetsThem()
    {
        var counters = new FakeServerCounters();
        counters.BatchJobCreated(BatchProvider.Bedrock);
        counters.BatchJobCreated(BatchProvider.OpenAi);
        counters.BatchJobCreated(BatchProvider.OpenAi);
        counters.BatchRecordAnswered("p");

        var counts = counters.Snapshot();
        var answered = counters.SuccessesForPrompt("p");
        counters.Reset();

        Assert.Equal(1, counts.JobsCreated(BatchProvider.Bedrock));
        Assert.Equal(2, counts.JobsCreated(BatchProvider.OpenAi));
        Assert.Equal(0, counts.TotalRequests);
        Assert.Equal(1, answered);
        Assert.Equal(0, counters.Snapshot().JobsCreated(BatchProvider.OpenAi));
    }
}
