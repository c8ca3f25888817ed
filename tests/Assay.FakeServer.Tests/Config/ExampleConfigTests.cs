using Assay.FakeServer.Config;
using Assay.FakeServer.Options;

namespace Assay.FakeServer.Tests.Config;

public sealed class ExampleConfigTests
{
    [Fact]
    public void ShippedExample_LoadsWithTheValuesItDocuments()
    {
        var options = FakeServerConfigFile.Load(ExamplePath());

        Assert.Equal(8089, options.Port);
        Assert.Equal(AnswerMode.Scripted, options.Answers.Mode);
        Assert.Equal(2, options.Answers.Scripts.Count);
        Assert.Equal(LatencyDistribution.LogNormal, options.Latency.Distribution);
        Assert.Equal(0.30, options.Faults.RateLimit);
        Assert.Equal(0.05, options.Faults.ServerError);
        Assert.True(options.Auth.Required);
        Assert.Equal(300, options.Batch.JobDurationMs);
        Assert.Equal(200L * 1024 * 1024, options.Batch.MaxFileBytes);
    }

    private static string ExamplePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assay.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "Assay.FakeServer", "examples", "faults.yaml");
    }
}
