using Assay.FakeServer.Batches;
using Assay.FakeServer.Options;

namespace Assay.FakeServer.Tests.Batches;

public sealed class BatchJobPlanTests
{
    [Theory]
    [InlineData(0.0, 40, 0)]
    [InlineData(0.25, 40, 10)]
    [InlineData(0.1, 15, 2)]
    [InlineData(1.0, 7, 7)]
    public void ChooseRecordErrors_PicksExactlyTheRoundedShare(double rate, int records, int expected)
    {
        var plan = new BatchDecider(new BatchOptions { RecordErrorRate = rate }).NextPlan();

        var chosen = plan.ChooseRecordErrors([.. Enumerable.Range(0, records)]);

        Assert.Equal(expected, chosen.Count);
        Assert.All(chosen, i => Assert.InRange(i, 0, records - 1));
    }

    [Fact]
    public void NextPlan_SameSeed_SameSequenceOfFatesAndChoices()
    {
        var options = new BatchOptions { FailJobRate = 0.3, ExpireJobRate = 0.3, RecordErrorRate = 0.5, Seed = 9 };
        var first = new BatchDecider(options);
        var second = new BatchDecider(options);

        for (var i = 0; i < 20; i++)
        {
            var (a, b) = (first.NextPlan(), second.NextPlan());
            Assert.Equal(a.Fate, b.Fate);
            Assert.Equal(a.ChooseRecordErrors([.. Enumerable.Range(0, 10)]).Order(), b.ChooseRecordErrors([.. Enumerable.Range(0, 10)]).Order());
        }
    }

    [Fact]
    public void NextPlan_Rates_GiveRoughlyThoseShares()
    {
        var decider = new BatchDecider(new BatchOptions { FailJobRate = 0.2, ExpireJobRate = 0.3, Seed = 4 });

        var fates = Enumerable.Range(0, 2_000).Select(_ => decider.NextPlan().Fate).ToList();

        Assert.InRange(fates.Count(f => f == JobFate.Fails) / 2_000.0, 0.16, 0.24);
        Assert.InRange(fates.Count(f => f == JobFate.Expires) / 2_000.0, 0.26, 0.34);
    }

    [Fact]
    public void Timeline_StepsRunFromInProgressToFinalizing()
    {
        var timeline = new BatchTimeline(1_000);

        Assert.Equal(TimeSpan.FromMilliseconds(100), timeline.Validating);
        Assert.Equal(TimeSpan.FromMilliseconds(300), timeline.InProgress);
        Assert.Equal(timeline.Finalizing, timeline.Step(4, 4));
        Assert.Equal(10, BatchTimeline.Steps(500));
        Assert.Equal(250, BatchTimeline.DoneAfter(5, 10, 500));
    }
}
