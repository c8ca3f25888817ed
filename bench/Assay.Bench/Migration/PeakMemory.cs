using System.Diagnostics;

namespace Assay.Bench.Migration;

/// <summary>
/// Runs a child process to its end and reports wall time, peak resident memory and CPU time,
/// polling <see cref="ProcStat"/> every 20 ms (so up to the last 20 ms of CPU time go unseen).
/// </summary>
internal static class PeakMemory
{
    public static async Task<ChildRun> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcStat.HighWaterMarkBytes(process.Id));
            var now = ProcStat.CpuTime(process.Id);
            cpu = now > cpu ? now : cpu;
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        return new ChildRun(process.ExitCode, watch.Elapsed, peak, cpu, await stdout + await stderr);
    }
}
