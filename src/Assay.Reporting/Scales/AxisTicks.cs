using Assay.Reporting.Svg;

namespace Assay.Reporting.Scales;

/// <summary>
/// The domain of one axis and its tick values. Linear axes use 1-2-5 steps and extend the
/// domain to whole steps so the first and last ticks frame the data; log axes tick at powers
/// of ten (adding 2 and 5 when the data span less than two decades).
/// </summary>
internal sealed class AxisTicks
{
    private const double RelativeResolution = 1e-9;
    private readonly int _decimals;
    private readonly bool _grouped;
    private readonly bool _scientific;

    private AxisTicks(double min, double max, IReadOnlyList<double> values, bool log, int decimals)
    {
        Min = min;
        Max = max;
        Values = values;
        IsLog = log;
        _decimals = Math.Max(0, decimals);
        var largest = values.Count == 0 ? 0 : values.Max(Math.Abs);
        _scientific = !log && (largest >= 1e9 || decimals > 7);
        _grouped = largest >= 10_000;
    }

    public double Min { get; }

    public double Max { get; }

    public IReadOnlyList<double> Values { get; }

    public bool IsLog { get; }

    /// <summary>Decimals that write every tick exactly (from the step's power of ten).</summary>
    public int Decimals => _decimals;

    public double Step => Values.Count > 1 ? Values[1] - Values[0] : Max - Min;

    /// <summary>Ticks on 1-2-5 steps; the domain is widened to whole steps around the data.</summary>
    public static AxisTicks Linear(double dataMin, double dataMax, int intervals = 5)
    {
        (dataMin, dataMax) = Widen(dataMin, dataMax);
        var step = NiceNumber.Ceiling((dataMax - dataMin) / Math.Max(1, intervals), out var exponent);
        var first = Math.Floor((dataMin / step) + 1e-9);
        var last = Math.Ceiling((dataMax / step) - 1e-9);
        var decimals = -exponent;
        var values = new List<double>();
        for (var k = first; k <= last + 0.5; k++)
        {
            values.Add(Math.Round(k * step, Math.Clamp(decimals + 2, 0, 15)));
        }

        return new AxisTicks(values[0], values[^1], values, log: false, decimals);
    }

    /// <summary>Ticks on 1-2-5 steps inside a fixed domain (e.g. 0 to 1 for a ROC curve).</summary>
    public static AxisTicks Fixed(double min, double max, int intervals = 5)
    {
        (min, max) = Widen(min, max);
        var step = NiceNumber.Ceiling((max - min) / Math.Max(1, intervals), out var exponent);
        var first = Math.Ceiling((min / step) - 1e-9);
        var last = Math.Floor((max / step) + 1e-9);
        var values = new List<double>();
        for (var k = first; k <= last + 0.5; k++)
        {
            values.Add(Math.Round(k * step, Math.Clamp(-exponent + 2, 0, 15)));
        }

        return new AxisTicks(min, max, values, log: false, -exponent);
    }

    /// <summary>Powers of ten around strictly positive data.</summary>
    public static AxisTicks Logarithmic(double dataMin, double dataMax)
    {
        if (dataMin <= 0 || dataMax <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dataMin), "A log axis needs positive values.");
        }

        var lo = Math.Floor(Math.Log10(dataMin) + 1e-9);
        var hi = Math.Ceiling(Math.Log10(dataMax) - 1e-9);
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        var values = new List<double>();
        var decades = hi - lo;
        for (var e = lo; e <= hi + 0.5; e++)
        {
            var power = Math.Pow(10, e);
            values.Add(power);
            if (decades <= 2 && e < hi)
            {
                values.Add(2 * power);
                values.Add(5 * power);
            }
        }

        return new AxisTicks(values[0], values[^1], values, log: true, decimals: 0);
    }

    /// <summary>Where a value sits in the domain, from 0 (min) to 1 (max).</summary>
    public double Fraction(double v) => IsLog
        ? (Math.Log10(v) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (v - Min) / (Max - Min);

    public bool Contains(double v) => v >= Min - (1e-9 * Math.Abs(Max - Min)) && v <= Max + (1e-9 * Math.Abs(Max - Min));

    public string Format(double v)
    {
        if (IsLog)
        {
            return v is >= 1e-4 and < 1e7 ? Fmt.Auto(v) : v.ToString("0E+0", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (_scientific)
        {
            return v == 0 ? "0" : v.ToString("0.##E+0", System.Globalization.CultureInfo.InvariantCulture);
        }

        return _grouped ? Fmt.Grouped(v, _decimals) : Fmt.Fixed(v, _decimals);
    }

    /// <summary>
    /// A zero-width range (a constant series) gets a small range around it. Data that are never
    /// negative (costs, latencies, counts) keep a floor at 0: a constant 0 is drawn on 0 to 1,
    /// never on -1 to 1, so no axis shows a negative cost. A spread below about a billionth of
    /// the values (the same cost summed in another order) is a constant series too: steps that
    /// small cannot be counted in doubles, and the tick loop would never end.
    /// </summary>
    private static (double Min, double Max) Widen(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"An axis needs finite bounds, not {min} to {max}.");
        }

        if (max - min > RelativeResolution * Math.Max(Math.Abs(min), Math.Abs(max)))
        {
            return (min, max);
        }

        (min, max) = (Math.Min(min, max), Math.Min(min, max));

        if (min == 0)
        {
            return (0, 1);
        }

        var half = NiceNumber.Ceiling(Math.Abs(min) * 0.1, out _);
        return min > 0 ? (Math.Max(0, min - half), max + half) : (min - half, max + half);
    }
}
