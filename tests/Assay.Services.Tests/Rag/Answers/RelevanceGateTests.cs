using Assay.Services.Rag.Answers;

namespace Assay.Services.Tests.Rag.Answers;

public sealed class RelevanceGateTests
{
    [Theory]
    [InlineData(0.50, 0.50, true)]
    [InlineData(0.40, 0.35, true)]
    [InlineData(0.39, 0.90, false)]
    [InlineData(0.90, 0.34, false)]
    public void Admits_NeedsBothRelevanceAndCoverage(double relevance, double coverage, bool admitted)
    {
        Assert.Equal(admitted, new RelevanceGate(0.40, 0.35).Admits(relevance, coverage));
    }

    [Theory]
    [InlineData(1.5, 0.3, "services.rag.relevanceThreshold")]
    [InlineData(0.3, -0.1, "services.rag.minTermCoverage")]
    public void Constructor_OutOfRange_ThrowsNamingTheSetting(double threshold, double coverage, string setting)
    {
        var ex = Assert.Throws<AssayException>(() => new RelevanceGate(threshold, coverage));
        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }
}
