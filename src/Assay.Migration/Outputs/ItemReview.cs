using Assay.Migration.Evaluation;
using Assay.Migration.Runs;

namespace Assay.Migration.Outputs;

/// <summary>One item of the per-item review: its text, every model's output and scores, and the flags the filters use.</summary>
internal sealed record ReviewItem(
    string ItemId,
    int Row,
    string Document,
    string? Reference,
    IReadOnlyList<ReviewCell> Cells,
    bool Failed,
    bool JudgesDisagree);

/// <summary>
/// One model's answer to one item: the first repeat's text (or its error), each metric's mean
/// over repeats and the judges' reasons. For a candidate, <see cref="Difference"/> is candidate
/// minus source on the primary metric and <see cref="Regression"/> the same oriented so that
/// positive means worse than the source; both null when either side has no score.
/// </summary>
internal sealed record ReviewCell(
    string Model,
    string? Response,
    string? Error,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyDictionary<string, string> Reasons,
    double? Difference,
    double? Regression);

/// <summary>Builds the per-item review from a study's calls: items in dataset order, models in study order.</summary>
internal static class ItemReview
{
    /// <summary>Items shown in report.html; every item goes to items.html and items.csv.</summary>
    public const int ReportLimit = 500;

    /// <summary>Two judges disagree on a response when their scores (0..1) differ by at least this: two steps on a 1..5 rubric.</summary>
    public const double DisagreementGap = 0.5;

    /// <summary>The error a cell carries when its model has no call stored for the item.</summary>
    public const string NoCall = "no call stored";

    /// <summary>
    /// The review's items, made one at a time as they are enumerated (a study of 100,000 items never
    /// holds them all), and how many there are (every item with a stored call).
    /// </summary>
    public static (int Count, IEnumerable<ReviewItem> Items) Build(StudyResults r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var byItem = r.Calls.GroupBy(c => c.Record.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return (byItem.Count, Items(r, byItem));
    }

    private static IEnumerable<ReviewItem> Items(StudyResults r, Dictionary<string, List<CallScores>> byItem)
    {
        var primary = r.PrimaryQualityMetric;
        var higher = primary is null || MetricNames.HigherIsBetter(primary);
        var known = r.Items.GroupBy(i => i.ItemId, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var knownIds = known.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        var missing = byItem.Keys.Where(id => !knownIds.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => new StudyItem { ItemId = id, Row = byItem[id][0].Row, Document = "" });
        var source = r.Models.FirstOrDefault(m => m.IsSource)?.Label;
        foreach (var item in known.OrderBy(i => i.Row).Concat(missing))
        {
            if (!byItem.TryGetValue(item.ItemId, out var calls))
            {
                continue;
            }

            var cells = r.Models.Select(m => Cell(m.Label, calls.Where(c => c.Record.Model == m.Label).OrderBy(c => c.Record.Repeat).ToList())).ToList();
            var sourceScore = cells.FirstOrDefault(c => c.Model == source) is { } s && primary is not null && s.Scores.TryGetValue(primary, out var v) ? v : (double?)null;
            cells = [.. cells.Select(c =>
            {
                if (c.Model == source || primary is null || sourceScore is null || !c.Scores.TryGetValue(primary, out var score))
                {
                    return c;
                }

                var diff = score - sourceScore.Value;
                return c with { Difference = diff, Regression = higher ? -diff : diff };
            })];
            yield return new ReviewItem(
                item.ItemId,
                item.Row,
                item.Document,
                item.Reference,
                cells,
                calls.Any(c => !StudyEvaluator.Succeeded(c.Record)),
                calls.Any(Disagree));
        }
    }

    private static ReviewCell Cell(string model, List<CallScores> calls)
    {
        var first = calls.FirstOrDefault(c => StudyEvaluator.Succeeded(c.Record)) ?? calls.FirstOrDefault();
        var scores = calls.SelectMany(c => c.Scores)
            .Where(kv => kv.Value is { } x && double.IsFinite(x))
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(kv => kv.Value!.Value), StringComparer.Ordinal);
        return new ReviewCell(
            model,
            first?.Record.Response,
            first is null ? NoCall : first.Record.Error,
            scores,
            first?.Reasons ?? new Dictionary<string, string>(),
            null,
            null);
    }

    // Keys are "judge.metric" for the first judge and "judge.metric@name" for the others.
    private static bool Disagree(CallScores call)
    {
        var judged = call.Scores.Where(kv => kv.Key.StartsWith("judge.", StringComparison.Ordinal) && kv.Value is { } x && double.IsFinite(x))
            .GroupBy(kv => kv.Key.Split('@')[0], StringComparer.Ordinal);
        return judged.Any(g => g.Count() > 1 && g.Max(kv => kv.Value!.Value) - g.Min(kv => kv.Value!.Value) >= DisagreementGap);
    }
}
