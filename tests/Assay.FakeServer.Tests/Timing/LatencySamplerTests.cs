using Assay.FakeServer.Options;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Tests.Timing;

public sealed class LatencySamplerTests
{
    [Fact]
    public void Fixed_AlwaysReturnsTheValue()
    {
        var sampler = new LatencySampler(new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 120 });

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(TimeSpan.FromMilliseconds(120), sampler.NextTimeToFirstToken()));
    }

    [Fact]
    public void Uniform_StaysWithinBoundsAndSpreadsAcrossThem()
    {
        var sampler = new LatencySampler(new LatencyOptions { Distribution = LatencyDistribution.Uniform, MinMs = 100, MaxMs = 200, Seed = 5 });

        var samples = Enumerable.Range(0, 2000).Select(_ => sampler.NextTimeToFirstToken().TotalMilliseconds).ToList();

        Assert.All(samples, s => Assert.InRange(s, 100, 200));
        Assert.InRange(samples.Average(), 145, 155);
    }

    [Fact]
    public void LogNormal_MedianNearConfiguredAndSkewedRight()
    {
        var sampler = new LatencySampler(new LatencyOptions { Distribution = LatencyDistribution.LogNormal, MedianMs = 400, Sigma = 0.5, Seed = 9 });

        var samples = Enumerable.Range(0, 4000).Select(_ => sampler.NextTimeToFirstToken().TotalMilliseconds).Order().ToList();

        Assert.InRange(samples[samples.Count / 2], 380, 420);
        Assert.True(samples.Average() > samples[samples.Count / 2], "a log-normal's mean exceeds its median");
        Assert.All(samples, s => Assert.True(s > 0));
    }

    [Fact]
    public void SameSeed_GivesTheSameSequence()
    {
        var options = new LatencyOptions { Distribution = LatencyDistribution.LogNormal, MedianMs = 50, Seed = 3 };
        var a = new LatencySampler(options);
        var b = new LatencySampler(options);

        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.NextTimeToFirstToken()), Enumerable.Range(0, 20).Select(_ => b.NextTimeToFirstToken()));
    }

    [Fact]
    public void TokenOffset_SpacesTokensAtTheRate()
    {
        var sampler = new LatencySampler(new LatencyOptions { OutputTokensPerSecond = 20 });

        Assert.Equal(TimeSpan.Zero, sampler.TokenOffset(0));
        Assert.Equal(TimeSpan.FromMilliseconds(500), sampler.TokenOffset(10));
    }
}
