using Assay.Credit.Data;
using Assay.Credit.Monitoring;

namespace Assay.Credit.Scorecard;

/// <summary>One scored applicant: file line (or 1 for a single record), id, score, PD and reason codes.</summary>
public sealed record ScoredApplicant(int Line, string? Id, int Score, double Pd, IReadOnlyList<ReasonCode> Reasons);

/// <summary>
/// Scoring and monitoring with a stored scorecard: raw rows are prepared with the fitted rules
/// (fills learnt at fit, the same missing/special/unseen classes), then scored.
/// </summary>
public static class ScoringService
{
    public static IReadOnlyList<ScoredApplicant> ScoreFile(ScorecardModel model, string csvPath)
    {
        var raw = TableReader.Read(csvPath, Needed(model));
        return Score(model, raw);
    }

    public static ScoredApplicant ScoreRecord(ScorecardModel model, IReadOnlyDictionary<string, string?> record)
    {
        var raw = RawTable.FromRecord("record", record);
        foreach (var prep in model.Inputs)
        {
            if (!raw.Has(prep.Name))
            {
                throw new AssayException($"record: field '{prep.Name}' is missing; the scorecard needs {string.Join(", ", model.Inputs.Select(p => p.Name))} (use null for a missing value).");
            }
        }

        return Score(model, raw)[0];
    }

    public static IReadOnlyList<PsiResult> Monitor(ScorecardModel model, string csvPath)
    {
        var raw = TableReader.Read(csvPath, Needed(model));
        var frame = Preprocessor.Apply(model.Inputs, raw, fit: false);
        return StabilityMonitor.Compare(model, frame);
    }

    /// <summary>
    /// Stability per time window of <paramref name="dateColumn"/> (PSI of the score, CSI of each variable),
    /// windows in time order. A window with fewer than <paramref name="minApplicants"/> applicants is
    /// left out (its shares would be noise) and named in <c>Skipped</c>; a cell that is not a date stops with its line.
    /// </summary>
    public static (IReadOnlyList<WindowStability> Windows, IReadOnlyList<(string Window, int Applicants)> Skipped) MonitorWindows(
        ScorecardModel model, string csvPath, string dateColumn, WindowSize size, int minApplicants = 100)
    {
        var needed = Needed(model);
        needed.Add(dateColumn);
        var raw = TableReader.Read(csvPath, needed);
        if (!raw.Has(dateColumn))
        {
            throw new AssayException($"{csvPath}: --window-column '{dateColumn}' is not a column; the header has {string.Join(", ", raw.Header)}.");
        }

        var dates = raw.Column(dateColumn, "time window");
        var keys = new string[raw.RowCount];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = TimeWindows.Of(dates[i], size)
                ?? throw new AssayException($"{csvPath} line {raw.LineOf(i)}: column '{dateColumn}' is '{dates[i]}', not a date (Dec-2015, 2015-12, 2015-12-31 or 12/31/2015); fix the cell or choose another --window-column.");
        }

        var frame = Preprocessor.Apply(model.Inputs, raw, fit: false);
        var windows = new List<WindowStability>();
        var skipped = new List<(string, int)>();
        foreach (var group in Enumerable.Range(0, keys.Length).GroupBy(i => keys[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            if (rows.Length < minApplicants)
            {
                skipped.Add((group.Key, rows.Length));
                continue;
            }

            windows.Add(new WindowStability(group.Key, rows.Length, StabilityMonitor.Compare(model, frame.Rows(rows))));
        }

        return (windows, skipped);
    }

    private static List<ScoredApplicant> Score(ScorecardModel model, RawTable raw)
    {
        var frame = Preprocessor.Apply(model.Inputs, raw, fit: false);
        var scores = Scorer.Scores(model, frame);
        var classes = Scorer.Classes(model, frame);
        var ids = model.IdColumn is { } id && raw.Has(id) ? raw.Column(id, "id") : null;
        var result = new List<ScoredApplicant>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            result.Add(new ScoredApplicant(raw.LineOf(i), ids?[i], scores[i], model.Pd(scores[i]), Scorer.Reasons(model, classes, i, model.ReasonCodes)));
        }

        return result;
    }

    private static HashSet<string> Needed(ScorecardModel model)
    {
        var set = model.Inputs.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        set.UnionWith(model.Inputs.Where(p => p.FillColumn is not null).Select(p => p.FillColumn!));
        if (model.IdColumn is { } id)
        {
            set.Add(id);
        }

        return set;
    }
}
