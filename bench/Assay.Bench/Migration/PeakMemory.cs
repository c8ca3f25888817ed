using System.Diagnostics;
using System.Globalization;

namespace Assay.Bench.Migration;

/// <summary>Runs a child process to its end and reports wall time and peak resident memory (Linux VmHWM, polled every 20 ms).</summary>
internal static class PeakMemory
{
    public static async Task<(int ExitCode, TimeSpan Wall, long PeakBytes, string Output)> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null)
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
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        return (process.ExitCode, watch.Elapsed, peak, await stdout + await stderr);
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
