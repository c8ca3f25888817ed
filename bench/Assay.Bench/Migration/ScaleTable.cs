using System.Globalization;

namespace Assay.Bench.Migration;

/// <summary>
/// The closing table of <c>migration-scale</c>: one row per run, then the growth of assay's peak
/// resident memory from the smallest study to the largest, judged against the goals.
/// </summary>
internal static class ScaleTable
{
    public const double GoalPeakMegabytes = 300;
    public const double GoalGrowth = 1.5;
    public const int GoalItems = 100_000;

    public static void Print(string commandLine, IReadOnlyList<ScaleRow> rows, double ceiling)
    {
        Console.WriteLine();
        Console.WriteLine(commandLine);
        Console.WriteLine($"{"run",-28} {"items",9} {"calls",9} {"wall s",8} {"calls/s",8} {"% ceiling",9} {"CPU ms/call",11} {"peak RSS MB",11} {"exit",4}");
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Tool,-28} {N(row.Items),9} {N(row.Calls),9} {row.Run.Wall.TotalSeconds,8:0.00} {row.CallsPerSecond,8:0} {100 * row.CallsPerSecond / ceiling,8:0.0}% {row.CpuMsPerCall,11:0.000} {row.Run.PeakMegabytes,11:0} {row.Run.ExitCode,4}");
        }

        Console.WriteLine($"ceiling = concurrency / latency = {ceiling:0} calls/s; CPU ms/call = user + system CPU time of the child process alone (/proc/PID/stat) / answered calls; peak RSS = VmHWM of the child");
        var assay = rows.Where(r => r.Tool == MigrationScaleBench.AssayTool).OrderBy(r => r.Items).ToList();
        if (assay.Count == 0)
        {
            return;
        }

        var largest = assay[^1];
        var peakMet = largest.Run.PeakMegabytes <= GoalPeakMegabytes;
        var at = largest.Items == GoalItems ? string.Empty : $" (the goal is set at {N(GoalItems)} items; this run's largest study has {N(largest.Items)})";
        Console.WriteLine($"assay peak RSS at {N(largest.Items)} items: {largest.Run.PeakMegabytes:0} MB; goal <= {GoalPeakMegabytes:0} MB at {N(GoalItems)}: {(peakMet ? "met" : "NOT met")}{at}");
        if (assay.Count > 1)
        {
            var smallest = assay[0];
            var growth = largest.Run.PeakBytes / (double)Math.Max(1, smallest.Run.PeakBytes);
            Console.WriteLine($"assay peak RSS growth {N(smallest.Items)} -> {N(largest.Items)} items ({largest.Items / (double)smallest.Items:0.#}x the items): {smallest.Run.PeakMegabytes:0} -> {largest.Run.PeakMegabytes:0} MB = {growth:0.00}x; goal < {GoalGrowth}x from 10,000 to {N(GoalItems)}: {(growth < GoalGrowth ? "met" : "NOT met")}");
        }
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
