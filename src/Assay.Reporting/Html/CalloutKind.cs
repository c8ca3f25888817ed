namespace Assay.Reporting.Html;

/// <summary>The tone of a callout box. Each is marked by a word as well as a colour, so it reads in print and without colour vision.</summary>
public enum CalloutKind
{
    /// <summary>Neutral information ("Note").</summary>
    Info,

    /// <summary>A passed check or a positive verdict ("OK").</summary>
    Ok,

    /// <summary>Something to look at before acting ("Warning").</summary>
    Warn,

    /// <summary>A failed check or a negative verdict ("Fail").</summary>
    Fail,
}
