namespace Assay.Reporting.Scales;

/// <summary>Maps data values of one axis to pixels between <see cref="From"/> and <see cref="To"/>.</summary>
internal sealed class Scale(AxisTicks axis, double from, double to)
{
    public AxisTicks Axis { get; } = axis;

    public double From { get; } = from;

    public double To { get; } = to;

    public double Map(double v) => From + ((To - From) * Axis.Fraction(v));

    /// <summary>Maps a value, pinning it to the axis ends so shapes never leave the plot.</summary>
    public double MapClamped(double v) => From + ((To - From) * Math.Clamp(Axis.Fraction(v), 0, 1));
}
