using System.Globalization;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Html;

/// <summary>
/// Formats the numbers people read in report tables and text, the same way everywhere and in
/// any culture (a point for decimals, a comma for thousands), each with its unit.
/// </summary>
public static class ReportFormat
{
    /// <summary>Fixed decimals: <c>Number(0.8234, 2)</c> is "0.82"; thousands get commas.</summary>
    public static string Number(double value, int decimals) =>
        double.IsFinite(value) ? (Math.Abs(value) >= 10_000 ? Fmt.Grouped(value, decimals) : Fmt.Fixed(value, decimals)) : "n/a";

    /// <summary>An estimate with its interval: "0.82 [0.78, 0.86]".</summary>
    public static string Interval(double estimate, double lower, double upper, int decimals) =>
        Number(estimate, decimals) + " [" + Number(lower, decimals) + ", " + Number(upper, decimals) + "]";

    /// <summary>US dollars with enough decimals for per-call prices: "$0.000436", "$12.50", "-$0.10".</summary>
    public static string Usd(double value, int? decimals = null)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        var d = decimals ?? UsdDecimals(Math.Abs(value));
        return (value < 0 && Math.Round(value, d) != 0 ? "-$" : "$") + Number(Math.Abs(value), d);
    }

    /// <summary>A share as a percentage: <c>Percent(0.1234, 1)</c> is "12.3%".</summary>
    public static string Percent(double share, int decimals = 1) =>
        double.IsFinite(share) ? Number(share * 100, decimals) + "%" : "n/a";

    /// <summary>Seconds: "1.66 s"; under one second in milliseconds: "230 ms".</summary>
    public static string Seconds(double seconds) =>
        !double.IsFinite(seconds) ? "n/a"
        : Math.Abs(seconds) < 1 ? Number(seconds * 1000, 0) + " ms"
        : Number(seconds, 2) + " s";

    /// <summary>
    /// Milliseconds that keep small differences visible: "1,240 ms", "18 ms", "1.4 ms"; under one
    /// millisecond in microseconds to two significant digits: "56 µs", "0.5 µs". Never "0 ms" for a non-zero time.
    /// </summary>
    public static string Milliseconds(double ms)
    {
        if (!double.IsFinite(ms))
        {
            return "n/a";
        }

        var abs = Math.Abs(ms);
        if (abs == 0)
        {
            return "0 ms";
        }

        if (abs < 1)
        {
            var us = ms * 1000;
            return Number(us, Math.Abs(us) >= 10 ? 0 : 1) + " µs";
        }

        return (abs >= 1000 ? ms.ToString("N0", CultureInfo.InvariantCulture) : Number(ms, abs >= 10 ? 0 : 1)) + " ms";
    }

    /// <summary>A count with thousands separators: "466,285".</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    // Per-call costs are tiny: keep three significant digits, at least two decimals.
    private static int UsdDecimals(double abs) =>
        abs == 0 || abs >= 1 ? 2 : Math.Max(2, 2 - (int)Math.Floor(Math.Log10(abs)));
}
