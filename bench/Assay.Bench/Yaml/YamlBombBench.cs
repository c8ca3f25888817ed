using System.Diagnostics;
using System.Globalization;
using System.Text;
using Assay.Migration.Study;

namespace Assay.Bench.Yaml;

/// <summary>
/// The YAML bomb against the bounded loading step: a study file whose nested anchors expand to
/// 10^LEVELS nodes, loaded through <see cref="StudyLoader"/> as the CLI and the upload route do,
/// next to the bundled sample study loaded the same way in the same run. Prints wall time,
/// bytes allocated and the growth of the process's peak working set for each; the targets are
/// under 1 s and under 50 MB for the bomb.
/// </summary>
internal static class YamlBombBench
{
    public const string What = "YAML alias bomb (10^LEVELS nodes) refused by the bounded loader: time, allocations, peak memory vs the sample study [LEVELS=9]";

    public static Task<int> RunAsync(string[] args)
    {
        var levels = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 9;
        var folder = Directory.CreateTempSubdirectory("assay-yaml-bomb-").FullName;
        try
        {
            var bomb = Path.Combine(folder, "bomb.yaml");
            File.WriteAllText(bomb, Bomb(levels));
            var sample = Path.Combine(FindRepository(), "samples", "incidents", "study.yaml");
            Console.WriteLine(F($"YAML bomb: {levels} levels of 10 aliases ({new FileInfo(bomb).Length} bytes, 10^{levels} nodes expanded), {Environment.ProcessorCount} cores; load average {LoadAverage()} (other work inflates the times)."));

            // Warm-up, so JIT time is not counted for either.
            Measure(() => StudyLoader.Load(sample));
            Measure(() => StudyLoader.Load(bomb));

            var peer = Measure(() => StudyLoader.Load(sample));
            var refused = Measure(() => StudyLoader.Load(bomb));
            Console.WriteLine(F($"sample study (peer): {peer.Seconds * 1000:F1} ms, {peer.AllocatedMb:F2} MB allocated, peak working set +{peer.PeakGrowthMb:F1} MB ({peer.Outcome})"));
            Console.WriteLine(F($"bomb:                {refused.Seconds * 1000:F1} ms, {refused.AllocatedMb:F2} MB allocated, peak working set +{refused.PeakGrowthMb:F1} MB ({refused.Outcome})"));
            var met = refused.Seconds < 1 && refused.AllocatedMb < 50 && refused.PeakGrowthMb < 50 && refused.Outcome.StartsWith("refused", StringComparison.Ordinal);
            Console.WriteLine($"target (refused, < 1 s, < 50 MB): {(met ? "met" : "NOT met")}");
            return Task.FromResult(met ? 0 : 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string Bomb(int levels)
    {
        var text = new StringBuilder("name: bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        return text.ToString();
    }

    private static (double Seconds, double AllocatedMb, double PeakGrowthMb, string Outcome) Measure(Action load)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var peakBefore = process.PeakWorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            load();
            outcome = "loaded";
        }
        catch (AssayException ex)
        {
            outcome = "refused: " + ex.Message[..Math.Min(ex.Message.Length, 90)] + "...";
        }

        watch.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, allocated, (process.PeakWorkingSet64 - peakBefore) / 1e6, outcome);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "incidents", "study.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new AssayException("samples/incidents/study.yaml not found above the bench: run it from the repository.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
