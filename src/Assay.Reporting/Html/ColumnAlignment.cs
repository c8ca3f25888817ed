namespace Assay.Reporting.Html;

/// <summary>How a table column's cells are aligned.</summary>
public enum ColumnAlignment
{
    /// <summary>Right when every non-empty cell reads as a number (units such as %, s, ms, $ allowed), else left.</summary>
    Auto,
    Left,
    Right,
    Center,
}
