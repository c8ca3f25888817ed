using System.Globalization;

namespace Assay.Reporting.Svg;

/// <summary>
/// Every number written into a chart or report goes through here, so output is the same
/// under any thread culture (a German machine must not write "0,5" into SVG coordinates).
/// </summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A pixel coordinate: at most two decimals, no trailing zeros.</summary>
    public static string Coord(double v)
    {
        var rounded = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", Inv);
    }

    /// <summary>A value with a fixed number of decimals; "-0.00" is written as "0.00".</summary>
    public static string Fixed(double v, int decimals)
    {
        decimals = Math.Clamp(decimals, 0, 15);
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("F" + decimals.ToString(Inv), Inv);
    }

    /// <summary>A value with a fixed number of decimals and thousands separators.</summary>
    public static string Grouped(double v, int decimals)
    {
        decimals = Math.Clamp(decimals, 0, 15);
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("N" + decimals.ToString(Inv), Inv);
    }

    /// <summary>The exact value (round-trip), for machine-readable data-* attributes.</summary>
    public static string Exact(double v) => v.ToString("R", Inv);

    /// <summary>A count, with thousands separators.</summary>
    public static string Count(long n) => n.ToString("N0", Inv);

    /// <summary>
    /// A value whose magnitude is not known in advance (a data label): four significant
    /// digits, scientific notation only for very large or very small magnitudes.
    /// </summary>
    public static string Auto(double v)
    {
        if (double.IsNaN(v))
        {
            return "NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }

        if (v == 0)
        {
            return "0";
        }

        var abs = Math.Abs(v);
        if (abs >= 1e9 || abs < 1e-4)
        {
            return v.ToString("0.###E+0", Inv);
        }

        var digits = (int)Math.Floor(Math.Log10(abs)) + 1;
        var decimals = Math.Clamp(4 - digits, 0, 8);
        var text = abs >= 10_000 ? Grouped(v, decimals) : Fixed(v, decimals);
        return decimals > 0 && text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
