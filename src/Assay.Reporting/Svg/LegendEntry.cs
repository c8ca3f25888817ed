namespace Assay.Reporting.Svg;

internal enum LegendMark
{
    Box,
    Line,
    DashedLine,
    Dot,
}

internal sealed record LegendEntry(string Name, string Colour, LegendMark Mark);
