using Assay.Cli.Commands;
using Assay.Testing;

namespace Assay.Cli.Tests.Commands;

/// <summary>`assay rag ingest` and `assay rag eval` through the command line on the shared handbook, offline models.</summary>
public sealed class ServiceCommandsRagTests : IDisposable
{
    private const string Handbook = "hr/employee_handbook.pdf";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-rag-" + Guid.NewGuid().ToString("N")[..8]);

    public ServiceCommandsRagTests() => Directory.CreateDirectory(_folder);

    private static string QuestionSet => SharedData.InRepo("tests/Assay.Services.Tests/Data/hr/handbook_qa.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SharedDataFact(Handbook)]
    public async Task RagEval_HandbookIndex_HybridRecallPassesTheGateThenFailsAnImpossibleOne()
    {
        var config = Config(string.Empty);
        Assert.Equal(0, (await RunAsync("rag", "ingest", SharedData.File(Handbook), "--index", "hr", "--config", config)).Code);

        var passed = await RunAsync("rag", "eval", QuestionSet, "--index", "hr", "--config", config, "--min-recall", "0.9");
        var failed = await RunAsync("rag", "eval", QuestionSet, "--index", "hr", "--config", config, "--min-recall", "1.01");

        Assert.Equal(0, passed.Code);
        Assert.Equal(3, failed.Code);
    }

    [Fact]
    public async Task RagEval_CoverageSettingOutOfRange_ExitTwoNamingTheSetting()
    {
        var config = Config("    minTermCoverage: 1.5\n");

        var (code, error) = await RunAsync("rag", "eval", QuestionSet, "--index", "hr", "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("services.rag.minTermCoverage", error, StringComparison.Ordinal);
    }

    private string Config(string ragSettings)
    {
        var path = Path.Combine(_folder, "assay.yaml");
        File.WriteAllText(path, $"services:\n  dataDir: {Path.Combine(_folder, "data")}\n  rag:\n    topK: 4\n{ragSettings}");
        return path;
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        var code = await AssayCommandLine.RunAsync(args, error);
        return (code, error.ToString());
    }
}
