namespace Assay.Reporting.Html;

/// <summary>State shared while one report is written: figure and table numbers run through the whole document.</summary>
internal sealed class ReportContext
{
    public int Figures { get; set; }

    public int Tables { get; set; }

    /// <summary>Set while the report streams to a file: moves what has been rendered so far out of memory (null while rendering to a string).</summary>
    public Action? Flush { get; init; }
}
