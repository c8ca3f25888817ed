using Assay.Cli.Commands;

namespace Assay.Cli.Tests.Commands;

/// <summary>The credit commands end to end through the command line, on the bundled German credit sample and generated portfolios.</summary>
public sealed class CreditCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-credit-" + Guid.NewGuid().ToString("N")[..8]);

    public CreditCommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunScoreMonitor_GermanCreditSample_EveryOutputAndExitZero()
    {
        var config = Path.Combine(Samples, "german-credit.yaml");
        var outDir = Path.Combine(_folder, "german");

        var (run, runError) = await RunAsync("credit", "run", config, "--out", outDir);
        var (score, _) = await RunAsync("credit", "score", "--model", Path.Combine(outDir, "scorecard.json"), "--data", Path.Combine(Samples, "germancredit.csv"), "--out", Path.Combine(_folder, "scores.csv"));
        var (monitor, _) = await RunAsync("credit", "monitor", "--model", Path.Combine(outDir, "scorecard.json"), "--data", Path.Combine(Samples, "germancredit.csv"), "--json", Path.Combine(_folder, "psi.json"), "--html", Path.Combine(_folder, "psi.html"));

        Assert.True(run == 0, runError);
        foreach (var file in new[] { "report.html", "summary.json", "scorecard.json", "scorecard.sql" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), $"{file} written");
        }

        Assert.Equal(0, score);
        Assert.Equal(1 + 1000, (await File.ReadAllLinesAsync(Path.Combine(_folder, "scores.csv"))).Length);
        var scores = Assay.Tabular.TabularReader.ReadCsv(Path.Combine(_folder, "scores.csv"));
        Assert.Equal(["line", "id", "score", "pd"], scores.Header.Take(4));
        Assert.Equal(1000, scores.Rows.Count);
        Assert.All(scores.Rows, r => Assert.InRange(scores.Number(r, "pd")!.Value, 0, 1));
        Assert.Equal(0, monitor);
        Assert.Contains("psi", await File.ReadAllTextAsync(Path.Combine(_folder, "psi.json")), StringComparison.OrdinalIgnoreCase);
        var report = await File.ReadAllTextAsync(Path.Combine(_folder, "psi.html"));
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        Assert.Contains("PSI by variable", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_SameSeed_SameFileAndShiftChangesIt()
    {
        var a = Path.Combine(_folder, "a.csv");
        var b = Path.Combine(_folder, "b.csv");
        var c = Path.Combine(_folder, "c.csv");

        Assert.Equal(0, (await RunAsync("credit", "generate", "--rows", "500", "--seed", "3", "--out", a)).Code);
        Assert.Equal(0, (await RunAsync("credit", "generate", "--rows", "500", "--seed", "3", "--out", b)).Code);
        Assert.Equal(0, (await RunAsync("credit", "generate", "--rows", "500", "--seed", "3", "--shift", "0.5", "--out", c)).Code);

        Assert.Equal(await File.ReadAllTextAsync(a), await File.ReadAllTextAsync(b));
        Assert.NotEqual(await File.ReadAllTextAsync(a), await File.ReadAllTextAsync(c));
        Assert.Equal(501, (await File.ReadAllLinesAsync(a)).Length);
    }

    [Fact]
    public async Task Run_MissingConfig_ExitTwoNamingTheFile()
    {
        var missing = Path.Combine(_folder, "nope.yaml");

        var (code, error) = await RunAsync("credit", "run", missing, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.yaml", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")) && Directory.EnumerateFiles(Path.Combine(_folder, "out")).Any(), "nothing written");
    }

    [Fact]
    public async Task Run_NonEmptyOutFolder_RefusedUnlessForce()
    {
        var config = Path.Combine(Samples, "german-credit.yaml");
        var outDir = Path.Combine(_folder, "used");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "notes.txt"), "keep me");

        var (refused, error) = await RunAsync("credit", "run", config, "--out", outDir);
        var (forced, forcedError) = await RunAsync("credit", "run", config, "--out", outDir, "--force");

        Assert.Equal(ExitCodes.BadInput, refused);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.True(forced == 0, forcedError);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
    }

    [Fact]
    public async Task Score_ModelFileNotAScorecard_ExitTwoNamingTheFile()
    {
        var bogus = Path.Combine(_folder, "scorecard.json");
        await File.WriteAllTextAsync(bogus, "{\"hello\": 1}");

        var (code, error) = await RunAsync("credit", "score", "--model", bogus, "--data", Path.Combine(Samples, "germancredit.csv"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("scorecard.json", error, StringComparison.Ordinal);
    }

    private static string Samples => Path.Combine(Path.GetDirectoryName(MigrationCommands.LocateDemoStudy())!, "..", "credit");

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        var code = await AssayCommandLine.RunAsync(args, error);
        return (code, error.ToString());
    }
}
