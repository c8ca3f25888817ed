using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Statistics;

namespace Assay.Migration.Decision;

/// <summary>What a tested comparison rests on, in words: "6 paired items; about 48 needed to decide at margin 0.02".</summary>
internal static class SampleSizeText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Describe(PairedComparison c)
    {
        var margin = (c.Margin ?? 0).ToString("0.###", Inv);
        var have = $"{c.Difference.N.ToString(Inv)} paired items";
        return c.ItemsNeeded is { } needed
            ? $"{have}; about {needed.ToString("N0", Inv)} needed to decide at margin {margin}"
            : $"{have}; {c.ItemsNeededReason ?? "no sample size could be planned"}";
    }

    /// <summary>A warning per tested comparison with fewer paired items than the study's <c>minPairedItems</c>.</summary>
    public static IEnumerable<StudyNote> Notes(IReadOnlyList<PairedComparison> comparisons, int minPairedItems) =>
        comparisons.Where(c => c.BelowMinPairedItems).Select(c => new StudyNote("warning", c.Candidate,
            $"{c.Metric}: {Describe(c)}. Fewer than minPairedItems ({minPairedItems.ToString(Inv)}): the verdict rests on a Student-t interval and is '{(c.Verdict == NonInferiorityVerdict.NonInferior ? "non-inferior" : "inconclusive")}' ({(c.Verdict == NonInferiorityVerdict.NonInferior ? "that interval clears the margin" : "only an interval that clears the margin would decide")})."));

    /// <summary>A signed figure with 3 decimals; a value that rounds to zero keeps one sign ("-0.000", never "-+0.000").</summary>
    public static string Signed(double value)
    {
        var rounded = Math.Round(value, 3, MidpointRounding.AwayFromZero);
        return (value < 0 ? "-" : "+") + Math.Abs(rounded).ToString("0.000", Inv);
    }
}
