namespace Assay.Reporting.Svg;

/// <summary>Sizes and neutral colours shared by every chart, so a report looks of a piece.</summary>
internal static class Theme
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    public const double TitleSize = 15;
    public const double AxisTitleSize = 12.5;
    public const double TickSize = 11.5;
    public const double LabelSize = 11;
    public const double FootnoteSize = 10.5;
    public const string Text = "#222222";
    public const string MutedText = "#555555";
    public const string Axis = "#444444";
    public const string Grid = "#e3e3e3";
    public const string Background = "#ffffff";
    public const string Reference = "#666666";
}
