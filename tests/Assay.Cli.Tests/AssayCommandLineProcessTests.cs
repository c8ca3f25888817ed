using Assay.Testing;
using Assay.FakeServer;
using Assay.FakeServer.Options;

namespace Assay.Cli.Tests;

/// <summary>Exit codes, signals and the output-folder lock, checked on real child <c>assay</c> processes.</summary>
public sealed class AssayCommandLineProcessTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-proc-" + Guid.NewGuid().ToString("N")[..8]);
    private FakeModelServer? _server;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        // Slow enough that a signal lands mid-study: 120 calls of 150 ms, 4 at a time.
        _server = await FakeModelServer.StartAsync(new FakeServerOptions
        {
            Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = 150 },
        });
        File.WriteAllText(Path.Combine(_folder, "items.csv"), "document,referenceResponse\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
            $"\"Pump {i} at site {i * 7} tripped on overload. The crew reset breaker {i}.\",\"Pump {i} tripped; breaker reset.\"\n")));
        File.WriteAllText(Path.Combine(_folder, "study.yaml"), $$"""
            name: live
            dataset:
              path: items.csv
            source:
              model: openai-compatible:{{_server.OpenAiBaseUrl}}#src
              prompt: "Summarise:\n{context}"
              price: { inputPer1k: 0.00025, outputPer1k: 0.003 }
            candidates:
              - name: cand
                model: openai-compatible:{{_server.OpenAiBaseUrl}}#cand
                prompt: "Briefly:\n{context}"
            metrics: [rouge, length_ratio]
            concurrency: 4
            """);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [SigintFact]
    public Task Migrate_InterruptedMidStudy_Exit130KeepsFinishedCallsAndResumeFinishes() => SignalledMidStudyAsync("INT");

    [Fact]
    public Task Migrate_TerminatedMidStudy_Exit130KeepsFinishedCallsAndResumeFinishes() => SignalledMidStudyAsync("TERM");

    private async Task SignalledMidStudyAsync(string signal)
    {
        var output = Path.Combine(_folder, "out");
        using (var child = ChildAssay.Start(_folder, "migrate", "study.yaml", "--out", output))
        {
            await WaitForSuccessesAsync(10);
            child.Signal(signal);
            var (code, _, error) = await child.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(ExitCodes.Cancelled, code);
            Assert.Contains("cancelled: finished work is kept", error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(output, "runs.sqlite")));
        var answeredBefore = _server!.Counters.Snapshot().Successes;
        var resumed = await ChildAssay.RunAsync(_folder, "migrate", "study.yaml", "--out", output, "--resume");

        Assert.Equal(ExitCodes.Ok, resumed.Code);
        Assert.Matches(@"generation: \d+ calls made, [1-9]\d* kept from an earlier run, 0 failed", resumed.Output);
        Assert.True(_server.Counters.Snapshot().Successes - answeredBefore < 120, "finished calls were not made again");
    }

    [Fact]
    public async Task Migrate_SecondRunOnSameOut_RefusedAtOnceNamingTheHolderThenResumeAfterSigkill()
    {
        var output = Path.Combine(_folder, "out");
        using (var first = ChildAssay.Start(_folder, "migrate", "study.yaml", "--out", output))
        {
            await WaitForSuccessesAsync(4);
            var second = await ChildAssay.RunAsync(_folder, "migrate", "study.yaml", "--out", output);

            Assert.Equal(ExitCodes.BadInput, second.Code);
            Assert.Contains($"is in use by another run (process {first.Id})", second.Error, StringComparison.Ordinal);
            first.Signal("KILL");
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var resumed = await ChildAssay.RunAsync(_folder, "migrate", "study.yaml", "--out", output, "--resume");

        Assert.Equal(ExitCodes.Ok, resumed.Code);
        Assert.True(File.Exists(Path.Combine(output, "summary.json")));
    }

    [Theory]
    [InlineData(new string[0], "usage: assay <command>")]
    [InlineData(new[] { "migrate", "study.yaml", "--out", "x", "--bogus" }, "usage: assay migrate <study> --out <out>")]
    [InlineData(new[] { "migrate", "study.yaml" }, "Option '--out' is required")]
    [InlineData(new[] { "credit", "run", "c.yaml" }, "usage: assay credit run <CONFIG> --out <out>")]
    [InlineData(new[] { "nosuchcommand" }, "usage: assay <command>")]
    public async Task UsageMistakes_ExitTwoWithUsageLine(string[] args, string expected)
    {
        var (code, _, error) = await ChildAssay.RunAsync(_folder, args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_OutIsAFile_ExitTwoNamingThePath()
    {
        var file = Path.Combine(_folder, "taken");
        File.WriteAllText(file, "keep");

        var (code, _, error) = await ChildAssay.RunAsync(_folder, "migrate", "study.yaml", "--out", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"--out {file} is a file", error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(file));
        Assert.Equal(0, _server!.Counters.Snapshot().Successes);
    }

    [Fact]
    public async Task Migrate_OutUnderAFile_ExitTwoNamingThePath()
    {
        File.WriteAllText(Path.Combine(_folder, "taken"), "keep");
        var output = Path.Combine(_folder, "taken", "out");

        var (code, _, error) = await ChildAssay.RunAsync(_folder, "migrate", "study.yaml", "--out", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"--out {output} cannot be written", error, StringComparison.Ordinal);
    }

    private async Task WaitForSuccessesAsync(long count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (_server!.Counters.Snapshot().Successes < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the child made no calls within a minute");
            await Task.Delay(50);
        }
    }
}
