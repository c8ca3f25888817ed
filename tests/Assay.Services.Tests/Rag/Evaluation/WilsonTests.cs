using Assay.Services.Rag.Evaluation;

namespace Assay.Services.Tests.Rag.Evaluation;

public sealed class WilsonTests
{
    [Fact]
    public void Interval95_KnownValues()
    {
        // 90/100: Wilson 95% interval 0.8256-0.9448 (Newcombe 1998, method 3).
        var (low, high) = new Proportion(90, 100).Interval95;
        Assert.Equal(0.8256, low, 3);
        Assert.Equal(0.9448, high, 3);
        var (zeroLow, zeroHigh) = new Proportion(0, 10).Interval95;
        Assert.Equal(0, zeroLow, 6);
        Assert.Equal(0.2775, zeroHigh, 3);
    }
}
