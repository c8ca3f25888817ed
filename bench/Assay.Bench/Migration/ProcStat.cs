using System.Diagnostics;
using System.Globalization;

namespace Assay.Bench.Migration;

/// <summary>
/// What Linux says about a running process: peak resident memory (VmHWM in <c>/proc/PID/status</c>)
/// and CPU time used so far (utime + stime in <c>/proc/PID/stat</c>, all threads, in clock ticks of
/// <c>getconf CLK_TCK</c>). Both read 0 once the process is gone.
/// </summary>
internal static class ProcStat
{
    private static readonly Lazy<int> ClockTicksPerSecond = new(ReadClockTicks);

    public static long HighWaterMarkBytes(int pid)
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

    public static TimeSpan CpuTime(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }

        // The command name (field 2) is in parentheses and may hold spaces; fields after it start at 3 (state),
        // so utime (field 14) and stime (field 15) are the 12th and 13th after the closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 13)
        {
            return TimeSpan.Zero;
        }

        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond.Value);
    }

    private static int ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = getconf?.StandardOutput.ReadToEnd().Trim();
            getconf?.WaitForExit();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hz) && hz > 0 ? hz : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100; // USER_HZ on every Linux architecture .NET runs on
        }
    }
}
