using Assay.Migration.Runs;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>
/// Managed evaluation job results (Bedrock's output JSONL, <c>judges.import</c>) put on the
/// study's calls. A record matches the calls with its prompt, or else the calls on the item
/// whose document its prompt contains; of those, the call of the model it names (Assay's id,
/// the provider's id, or an ARN ending in it), the one with the same response first. Records
/// that match nothing are listed in a note, never guessed onto a call.
/// </summary>
public static class JudgementImport
{
    private const int ListedUnmatched = 20;

    public static async Task<IReadOnlyList<EvaluationJobResult>> ReadAllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<EvaluationJobResult>();
        foreach (var path in paths)
        {
            all.AddRange(await EvaluationJobJsonl.ReadResultsAsync(path, cancellationToken));
        }

        return all;
    }

    /// <summary>Writes <c>managed.*</c> scores onto the matched calls; returns the metric keys, and adds a note listing unmatched records.</summary>
    internal static List<string> Apply(
        IReadOnlyList<EvaluationJobResult> imported,
        IReadOnlyList<GenerationRecord> ok,
        IReadOnlyDictionary<string, StudyItem> items,
        CallScoreTable scores,
        List<StudyNote> notes)
    {
        var byPrompt = ok.GroupBy(r => r.Prompt, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byItem = ok.GroupBy(r => r.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Each document read once (a spilled one is read from disk), longest first, for the prompts that match no call.
        var documents = items.Values.Select(i => (Item: i, Text: i.Document)).Where(d => !string.IsNullOrWhiteSpace(d.Text)).OrderByDescending(d => d.Text.Length).ToList();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var result in imported)
        {
            var calls = byPrompt.GetValueOrDefault(result.Input.Prompt)
                ?? (DocumentIn(result.Input.Prompt, documents) is { } item ? byItem.GetValueOrDefault(item.ItemId) : null)
                ?? [];
            if (calls.Count == 0)
            {
                unmatched.Add($"{result.Source}: no call of this study has its prompt or a dataset document in it");
                continue;
            }

            var models = calls.Select(c => c.Model).Distinct(StringComparer.Ordinal).Count();
            var mine = calls.Where(c => Names(c, result.Input.ModelIdentifier) || (models == 1 && result.Input.ModelIdentifier.Length == 0)).ToList();
            if (mine.Count == 0)
            {
                unmatched.Add($"{result.Source}: model '{result.Input.ModelIdentifier}' is not a model of this study with that prompt or document");
                continue;
            }

            var call = mine.FirstOrDefault(c => c.Response == result.Input.Response) ?? mine.MinBy(c => c.Repeat)!;
            foreach (var (metric, value) in result.Scores)
            {
                scores[call][metric] = value;
                keys.Add(metric);
            }
        }

        if (unmatched.Count > 0)
        {
            var more = unmatched.Count > ListedUnmatched ? $"; and {unmatched.Count - ListedUnmatched} more" : "";
            notes.Add(new StudyNote("warning", "managed evaluation",
                $"{unmatched.Count} of {imported.Count} imported judgements match no call and were left out: {string.Join("; ", unmatched.Take(ListedUnmatched))}{more}."));
        }

        return [.. keys];
    }

    // The longest document the prompt contains ("Report 1" is inside "Report 10"); none when two of that length are.
    private static StudyItem? DocumentIn(string prompt, List<(StudyItem Item, string Text)> byLengthDescending)
    {
        var found = byLengthDescending.Where(d => prompt.Contains(d.Text, StringComparison.Ordinal)).Take(2).ToList();
        return found.Count == 0 || (found.Count == 2 && found[1].Text.Length == found[0].Text.Length && found[1].Text != found[0].Text) ? null : found[0].Item;
    }

    // "bedrock:amazon.nova-lite-v1:0" is named by itself, by "amazon.nova-lite-v1:0", by an ARN ending in "/amazon.nova-lite-v1:0", or by its label.
    private static bool Names(GenerationRecord call, string identifier)
    {
        if (identifier.Length == 0)
        {
            return false;
        }

        var colon = call.ModelId.IndexOf(':', StringComparison.Ordinal);
        var provider = colon < 0 ? call.ModelId : call.ModelId[(colon + 1)..];
        return identifier == call.ModelId || identifier == call.Model || identifier == provider
            || identifier.EndsWith("/" + provider, StringComparison.Ordinal);
    }
}
