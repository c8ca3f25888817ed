using Assay.Migration.Statistics;

namespace Assay.Migration.Tests.Statistics;

public class ParetoFrontTests
{
    [Fact]
    public void Compute_DominatedModel_IsOffTheFront()
    {
        var points = ParetoFront.Compute(
        [
            ("source", 0.80, 1900, 0.000436),
            ("nova-lite", 0.78, 600, 0.000078),   // cheaper and faster, slightly worse: on the front
            ("haiku", 0.79, 2600, 0.001314),      // worse than source on all three: dominated
            ("premium", 0.90, 3000, 0.002),       // best quality: on the front
        ]);

        Assert.Equal(["source", "nova-lite", "premium"], points.Where(p => p.OnFront).Select(p => p.Model));
        Assert.False(points.Single(p => p.Model == "haiku").OnFront);
    }

    [Fact]
    public void Compute_IdenticalModels_BothStayOnTheFront()
    {
        var points = ParetoFront.Compute([("a", 0.5, 100, 0.1), ("b", 0.5, 100, 0.1)]);
        Assert.All(points, p => Assert.True(p.OnFront));
    }
}
