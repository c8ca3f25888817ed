using System.Globalization;

namespace Assay.Bench.Migration;

/// <summary>
/// promptfoo 0.123.1 <c>eval</c> as a child process, the peer of the migration benchmarks: the same
/// documents under two prompts against one OpenAI-compatible server, no cache, at a given concurrency.
/// Installed by bench/Assay.Bench/Migration/setup-promptfoo.sh (npm only) into the bench cache.
/// </summary>
internal sealed record PromptfooPeer(string Node, string Main)
{
    public const string Name = "promptfoo 0.123.1 eval";

    public const string SetupHint = "promptfoo: not installed; run bench/Assay.Bench/Migration/setup-promptfoo.sh (npm only) and run again.";

    /// <summary>The installed peer, or null when setup-promptfoo.sh has not been run.</summary>
    public static PromptfooPeer? Locate()
    {
        var repo = Assay.Testing.SharedData.RepoRoot;
        var dir = Path.Combine(Environment.GetEnvironmentVariable("ASSAY_CACHE") ?? Path.Combine(repo, ".assay", "cache"), "bench");
        var node = Path.Combine(dir, "node22", "bin", "node");
        var main = Path.Combine(dir, "promptfoo", "node_modules", "promptfoo", "dist", "src", "main.js");
        return File.Exists(node) && File.Exists(main) ? new PromptfooPeer(node, main) : null;
    }

    /// <summary>Writes the tests, the config and a private HOME into <paramref name="folder"/> and runs the eval there.</summary>
    public async Task<ChildRun> EvalAsync(string folder, string baseUrl, IEnumerable<string> documents, int concurrency)
    {
        var tests = Path.Combine(folder, "tests.csv");
        await File.WriteAllLinesAsync(tests, documents.Select(Csv.Quote).Prepend("document"));
        var config = Path.Combine(folder, "promptfooconfig.yaml");
        await File.WriteAllTextAsync(config, $$$"""
            description: assay migration benchmark peer
            prompts:
              - "Summarise:\n{{document}}"
              - "Briefly:\n{{document}}"
            providers:
              - id: openai:chat:cand
                config:
                  apiBaseUrl: {{{baseUrl}}}
                  apiKey: no-key
                  temperature: 0
                  max_tokens: 1024
            tests: file://tests.csv
            """);
        var home = Path.Combine(folder, "home");
        Directory.CreateDirectory(home);
        return await PeakMemory.RunAsync(
            Node,
            [Main, "eval", "-c", config, "-j", concurrency.ToString(CultureInfo.InvariantCulture), "--no-cache", "--no-progress-bar", "--no-table", "-o", Path.Combine(folder, "promptfoo.json")],
            new Dictionary<string, string> { ["HOME"] = home, ["PROMPTFOO_DISABLE_TELEMETRY"] = "1", ["PROMPTFOO_DISABLE_UPDATE"] = "1", ["PROMPTFOO_CONFIG_DIR"] = Path.Combine(home, ".promptfoo") });
    }
}
