using System.Globalization;
using Assay.Migration.Statistics;
using Assay.Reporting.Html;

namespace Assay.Migration.Outputs;

/// <summary>How the report prints figures: always with the unit, intervals in brackets.</summary>
internal static class Figures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Sub-millisecond times in µs, small ones to 2 significant digits: "0 ms" would hide the differences.
    public static string Ms(Estimate? e) => e is null || double.IsNaN(e.Value) ? "-" : e.HasInterval
        ? ReportFormat.Milliseconds(e.Value) + " [" + ReportFormat.Milliseconds(e.Lower!.Value) + ", " + ReportFormat.Milliseconds(e.Upper!.Value) + "]"
        : ReportFormat.Milliseconds(e.Value);

    // Zero cost is "free (offline)" and a missing price "price unknown", never "$0.000000" or "-".
    public static string Usd(Estimate? e, string format = "0.000000") => e is null || double.IsNaN(e.Value) ? "price unknown"
        : e.Value == 0 && (e.Upper ?? 0) == 0 ? "free (offline)"
        : e.HasInterval
        ? "$" + e.Value.ToString(format, Inv) + " [" + e.Lower!.Value.ToString(format, Inv) + ", " + e.Upper!.Value.ToString(format, Inv) + "]"
        : "$" + e.Value.ToString(format, Inv);

    public static string Score(Estimate? e) => e is null || double.IsNaN(e.Value) ? "-" : e.HasInterval
        ? string.Format(Inv, "{0:0.000} [{1:0.000}, {2:0.000}]", e.Value, e.Lower, e.Upper)
        : string.Format(Inv, "{0:0.000}", e.Value);

    // Signed: a bound in (-0.0005, 0) printed "-0.000", not "-+0.000" as a "+0.000;-0.000" format does.
    public static string Diff(Estimate e) => double.IsNaN(e.Value) ? "-" : e.HasInterval
        ? $"{Decision.SampleSizeText.Signed(e.Value)} [{Decision.SampleSizeText.Signed(e.Lower!.Value)}, {Decision.SampleSizeText.Signed(e.Upper!.Value)}]"
        : Decision.SampleSizeText.Signed(e.Value);

    /// <summary>Where a model's latency, tokens and cost come from: <c>recorded</c> (replayed from a recording, used as recorded), <c>live</c>, or both.</summary>
    public static string Measured(ModelStatistics m) =>
        m.Replayed == 0 ? "live" : m.Replayed >= m.Succeeded ? "recorded" : "recorded + live";

    /// <summary>How the model's answers were made: <c>replay</c>, <c>batch</c> (the provider's batch engine), <c>on-demand</c>, or a mix such as <c>batch + on-demand</c>.</summary>
    public static string Generation(ModelStatistics m)
    {
        var parts = new List<string>();
        if (m.Replayed > 0)
        {
            parts.Add("replay");
        }

        if (m.Batched > 0)
        {
            parts.Add("batch");
        }

        if (m.Succeeded - m.Replayed - m.Batched > 0 || parts.Count == 0)
        {
            parts.Add("on-demand");
        }

        return string.Join(" + ", parts);
    }

    /// <summary>Where the latency figures come from: <c>recorded</c>, <c>measured</c>, or <c>sampled on-demand</c> for a batch model (a batch job has no latency of its own).</summary>
    public static string LatencySource(ModelStatistics m) =>
        m.Batched > 0 ? "sampled on-demand" : m.Replayed > 0 ? Measured(m) : "measured";

    /// <summary>The sample-size plan next to a tested verdict: "; 6 paired items; about 48 needed to decide at margin 0.02".</summary>
    public static string Plan(PairedComparison c) =>
        c.Margin is null || !c.Paired ? string.Empty : " (" + Decision.SampleSizeText.Describe(c) + ")";

    public static string Number(double v, string format = "0.000") => double.IsFinite(v) ? v.ToString(format, Inv) : "-";

    public static string Tokens(Estimate e) => double.IsNaN(e.Value) ? "-" : e.Value.ToString("N0", Inv);
}
