using Assay.Services.Rag.Evaluation;

namespace Assay.Services.Tests.Rag.Evaluation;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void Metrics_FirstRelevantAtRankThree_KnownValues()
    {
        bool[] ranking = [false, false, true, true, false];
        Assert.Equal(0, RetrievalMetrics.RecallAt(ranking, 2));
        Assert.Equal(1, RetrievalMetrics.RecallAt(ranking, 3));
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRank(ranking), 12);
        Assert.Equal(0.5, RetrievalMetrics.NdcgAt(ranking, 3), 12);
        Assert.Equal(0, RetrievalMetrics.NdcgAt(ranking, 2));
    }

    [Fact]
    public void Metrics_NothingRelevant_Zero()
    {
        bool[] ranking = [false, false];
        Assert.Equal(0, RetrievalMetrics.RecallAt(ranking, 2));
        Assert.Equal(0, RetrievalMetrics.ReciprocalRank(ranking));
        Assert.Equal(0, RetrievalMetrics.NdcgAt(ranking, 2));
    }
}
