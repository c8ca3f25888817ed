using System.Globalization;
using Xunit;

namespace Assay.Testing;

/// <summary>
/// A fact that sends SIGINT to a child process. A shell that starts a job in the background
/// (<c>nohup cmd &amp;</c>) sets SIGINT to "ignored", every child inherits that, and the .NET
/// runtime keeps an inherited ignore; there such a test could not pass, so it skips with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SigintFactAttribute : FactAttribute
{
    public SigintFactAttribute()
    {
        if (SigintIgnored())
        {
            Skip = "SIGINT is ignored in this process (started in the background by a shell), and so in its children; run the tests in the foreground to check Ctrl-C";
        }
    }

    private static bool SigintIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (2 - 1))) != 0; // SIGINT is signal 2: bit 1
    }
}
