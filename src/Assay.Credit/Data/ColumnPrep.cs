namespace Assay.Credit.Data;

/// <summary>
/// How one raw column becomes a model input, with everything learnt at fit time (the mean
/// used to fill gaps) so that scoring, monitoring and scorecard.sql prepare values exactly as
/// the fit did. Stored in scorecard.json.
/// </summary>
public sealed class ColumnPrep
{
    public string Name { get; set; } = "";

    /// <summary>numeric, categorical, emp_length, term or months_since.</summary>
    public string Type { get; set; } = "numeric";

    /// <summary>keep (missing is its own class), zero, mean, value or column.</summary>
    public string Missing { get; set; } = "keep";

    /// <summary>The fill for zero, value and mean (the mean of the development data).</summary>
    public double? FillValue { get; set; }

    public string? FillColumn { get; set; }

    public string DateFormat { get; set; } = "MMM-yyyy";

    /// <summary>yyyy-MM: months_since counts the months from the date to this month.</summary>
    public string ReferenceDate { get; set; } = "2017-12";

    public bool IsCategorical => Type == "categorical";
}
