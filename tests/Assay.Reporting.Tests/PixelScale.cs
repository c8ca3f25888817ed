namespace Assay.Reporting.Tests;

/// <summary>Recovers an axis' value-to-pixel map from its tick labels, to check where shapes were drawn.</summary>
internal sealed class PixelScale
{
    private readonly double _v0;
    private readonly double _p0;
    private readonly double _slope;
    private readonly bool _log;

    private PixelScale(double v0, double p0, double v1, double p1, bool log)
    {
        _log = log;
        _v0 = log ? Math.Log10(v0) : v0;
        _p0 = p0;
        _slope = (p1 - p0) / ((log ? Math.Log10(v1) : v1) - _v0);
    }

    public static PixelScale X(System.Xml.Linq.XElement root, bool log = false)
    {
        var t = SvgAssert.Ticks(root, "x-axis");
        return new PixelScale(t[0].Value, t[0].X, t[^1].Value, t[^1].X, log);
    }

    /// <summary>Y tick labels sit 0.35 font-size below their tick; the tick's pixel is read from the grid line instead.</summary>
    public static PixelScale Y(System.Xml.Linq.XElement root, bool log = false)
    {
        var axis = SvgAssert.WithClass(root, "y-axis").Single();
        var grid = axis.Elements(SvgAssert.Ns + "line").Where(l => (string?)l.Attribute("stroke") == "#e3e3e3").ToList();
        var t = SvgAssert.Ticks(root, "y-axis");
        return new PixelScale(t[0].Value, SvgAssert.Num(grid[0], "y1"), t[^1].Value, SvgAssert.Num(grid[^1], "y1"), log);
    }

    public double Map(double v) => _p0 + (_slope * ((_log ? Math.Log10(v) : v) - _v0));
}
