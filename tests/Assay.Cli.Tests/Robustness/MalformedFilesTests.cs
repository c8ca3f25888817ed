using System.Text;

namespace Assay.Cli.Tests.Robustness;

/// <summary>
/// Malformed YAML files for every command that reads one (study, service config, fake-server config,
/// credit config, price file), data-driven: each must exit 2 with a one-line message naming the file,
/// with no stack trace, and must leave the folder it was run in as it was (no output folder made).
/// </summary>
public sealed class MalformedFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-bad-" + Guid.NewGuid().ToString("N")[..8]);

    public MalformedFilesTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "report.txt"), "Pump 4 tripped. The crew reset it.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The commands, each with its file as FILE and any output folder as OUT.</summary>
    private static readonly Dictionary<string, string[]> Commands = new(StringComparer.Ordinal)
    {
        ["study"] = ["migrate", "FILE", "--out", "OUT"],
        ["services"] = ["summarize", "REPORT", "--config", "FILE"],
        ["fake-server"] = ["fake-server", "--port", "0", "--config", "FILE"],
        ["credit"] = ["credit", "run", "FILE", "--out", "OUT"],
        ["prices"] = ["models", "list", "--prices", "FILE"],
    };

    public static TheoryData<string, string, byte[], string> Cases()
    {
        var data = new TheoryData<string, string, byte[], string>();
        var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        (string Name, string Text, string Mentions)[] generic =
        [
            ("alias-bomb", bomb.ToString(), "ASSAY_YAML_MAX_"),
            ("alias-count", "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 150)) + "]\n", "ASSAY_YAML_MAX_ALIASES"),
            ("nested-alias-bomb", "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e]\n", "ASSAY_YAML_MAX_NODES"),
            ("oversize", "a: \"" + new string('x', 1_100_000) + "\"\n", "ASSAY_YAML_MAX_BYTES"),
            ("unclosed-flow", "name: [a, b\n", "line"),
            ("unclosed-quote", "name: \"abc\n", "line"),
            ("tab-indent", "name:\n\tx: 1\n", "line"),
            ("undefined-alias", "name: *nope\n", "line"),
            ("colons", ": : :\n", "line"),
            ("nul-byte", "name: a\0b\n", "line"),
            ("bad-indent", "a:\n  b: 1\n c: 2\n", "line"),
            ("list-root", "- a\n- b\n", "line"),
        ];
        foreach (var kind in Commands.Keys)
        {
            foreach (var (name, text, mentions) in generic)
            {
                data.Add(kind, name, Encoding.UTF8.GetBytes(text), mentions);
            }
        }

        data.Add("study", "unknown-field", Encoding.UTF8.GetBytes("name: x\ndatset:\n  path: items.csv\n"), "datset");
        data.Add("study", "empty", [], "empty");
        data.Add("services", "unknown-setting", Encoding.UTF8.GetBytes("services:\n  dataDirr: x\n"), "dataDirr");
        data.Add("services", "bad-max-running", Encoding.UTF8.GetBytes("services:\n  studies:\n    maxRunning: 0\n"), "maxRunning");
        data.Add("fake-server", "unknown-setting", Encoding.UTF8.GetBytes("faults:\n  rateLimt: 0.5\n"), "rateLimt");
        data.Add("fake-server", "not-a-number", Encoding.UTF8.GetBytes("faults:\n  rateLimit: high\n"), "rateLimit");
        data.Add("credit", "no-target", Encoding.UTF8.GetBytes("name: x\n"), "target");
        data.Add("prices", "no-id", Encoding.UTF8.GetBytes("models:\n  - input_per_1k: 1\n    output_per_1k: 1\n    as_of: 2026-01-01\n    source: x\n"), "id");
        data.Add("prices", "negative-price", Encoding.UTF8.GetBytes("models:\n  - id: a:b\n    input_per_1k: -1\n    output_per_1k: 1\n    as_of: 2026-01-01\n    source: x\n"), "input_per_1k");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedFile_ExitTwoNamingTheFileNoStackTraceNothingWritten(string kind, string name, byte[] content, string mentions)
    {
        var file = Path.Combine(_folder, $"bad-{kind}-{name}.yaml");
        File.WriteAllBytes(file, content);
        var output = Path.Combine(_folder, "out");
        var before = Snapshot();
        var args = Commands[kind].Select(a => a switch { "FILE" => file, "OUT" => output, "REPORT" => Path.Combine(_folder, "report.txt"), _ => a }).ToArray();

        var started = DateTime.UtcNow;
        var (code, error) = await RunAsync(args);

        Assert.True(ExitCodes.BadInput == code, $"{kind}/{name}: exit {code}: {error}");
        Assert.Contains(Path.GetFileName(file), error, StringComparison.Ordinal);
        Assert.True(error.Contains(mentions, StringComparison.Ordinal), $"{kind}/{name}: '{error}' does not mention '{mentions}'");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.False(Directory.Exists(output));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "refused without expanding the file");
    }

    [Fact]
    public void Cases_AtLeastFifty() => Assert.True(Cases().Count >= 50, $"{Cases().Count} cases");

    private string[] Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Select(f => $"{f}:{(File.Exists(f) ? new FileInfo(f).Length : -1)}").Order(StringComparer.Ordinal)];

    private async Task<(int Code, string Error)> RunAsync(string[] args)
    {
        using var error = new StringWriter();
        var code = await AssayCommandLine.RunAsync(args, error);
        return (code, error.ToString());
    }
}
