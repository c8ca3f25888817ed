using System.Globalization;
using Assay.Migration.Datasets;
using Assay.Migration.Evaluation;
using Assay.Migration.Pairing;
using Assay.Migration.Runs;
using Assay.Models.Replay;
using Assay.Tabular;

namespace Assay.Migration.Study;

/// <summary>The replayed models of a study (the source and any candidate given as <c>replay:FILE</c>), paired with the dataset.</summary>
internal sealed record RecordedModels(
    PairingReport? SourcePairing,
    IReadOnlyDictionary<string, bool> SourcePaired,
    IReadOnlyList<GenerationRecord> Records,
    IReadOnlyList<(ModelSpec Model, IReadOnlyList<GenerationRecord> Records)> PerModel)
{
    /// <summary>
    /// Reads each recording once (strictly, or skipping bad rows as the study says), matches its
    /// calls to dataset rows by the document recovered with that model's template, and keeps only
    /// calls on dataset items: calls on other documents are counted in a note and feed nothing
    /// (like with like, also with <c>allowUnpaired</c>).
    /// </summary>
    public static RecordedModels Read(Study study, Dataset dataset, List<StudyNote> notes, Action<string>? log)
    {
        var options = new TabularOptions
        {
            BadRows = study.RecordingBadRows,
            Fix = study.RecordingBadRows == BadRows.Fail
                ? "or set 'recordings: { badRows: skip }' in the study file to leave such rows out, listed"
                : "then run again",
        };
        var ids = dataset.Items.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        PairingReport? sourceReport = null;
        var sourcePaired = new Dictionary<string, bool>(StringComparer.Ordinal);
        var all = new List<GenerationRecord>();
        var perModel = new List<(ModelSpec, IReadOnlyList<GenerationRecord>)>();
        foreach (var model in new[] { study.Source }.Concat(study.Candidates).Where(m => m.IsReplay))
        {
            var path = model.RecordingPath!;
            var file = RecordingReader.Read(path, options);
            if (file.Skipped.Count > 0)
            {
                notes.Add(new StudyNote("warning", model.Name, $"{path}: {file.Skipped.Count} bad rows skipped (recordings.badRows: skip); they never count as calls: " +
                    string.Join("; ", file.Skipped.Select(s => $"line {s.Line.ToString(CultureInfo.InvariantCulture)}: {Short(s.Problem)}")) + "."));
            }

            var paired = Pairing.SourcePairing.Pair(dataset, path, file.Calls, model.Prompt, model.Name, model.ModelId, model.PricePer1k);
            var report = paired.Report;
            if (paired.PricedFromStudy > 0 && model.PricePer1k is { } price)
            {
                notes.Add(new StudyNote("info", model.Name, $"{paired.PricedFromStudy} recorded calls of {model.Name} had a cost of 0 or none; they are priced with its price (${price.Input.ToString(CultureInfo.InvariantCulture)} in / ${price.Output.ToString(CultureInfo.InvariantCulture)} out per 1,000 tokens)."));
            }

            log?.Invoke($"{model.Name}: {report.Describe()}");
            if (report.Matched == 0)
            {
                throw new AssayException(
                    $"{path}: no recorded call of {model.Name} pairs with a row of {study.DatasetPath} ({report.TemplateMismatchRows.Count} recorded prompts do not fit {model.PromptField}); check that {model.PromptField} is the template the recording was made with and that the dataset holds the same documents.");
            }

            var kept = paired.SourceRecords.Where(r => ids.Contains(r.ItemId)).ToList();
            var outside = paired.SourceRecords.Count - kept.Count;
            if (ReferenceEquals(model, study.Source))
            {
                sourceReport = report;
                foreach (var item in paired.Items.Where(i => ids.Contains(i.ItemId)))
                {
                    sourcePaired[item.ItemId] = item.Paired;
                }

                notes.Add(new StudyNote(report.Complete ? "info" : "warning", "pairing", report.Describe() + "."));
            }
            else
            {
                notes.Add(new StudyNote(report.TemplateMismatchRows.Count > 0 ? "warning" : "info", model.Name,
                    $"replayed from {path}: {kept.Count} recorded calls on {report.Matched} dataset items (its latency, tokens and cost are as recorded)" +
                    (report.TemplateMismatchRows.Count > 0 ? $"; {report.TemplateMismatchRows.Count} recorded prompts do not fit {model.PromptField} and were left out" : string.Empty) + "."));
            }

            if (outside > 0)
            {
                notes.Add(new StudyNote("info", model.Name,
                    $"{outside} recorded calls of {model.Name} are on {report.UnmatchedRecordingRows.Count} documents not in the dataset: counted here, they feed no figure (every statistic uses calls on dataset items only)."));
            }

            all.AddRange(kept);
            perModel.Add((model, kept));
        }

        return new RecordedModels(sourceReport, sourcePaired, all, perModel);
    }

    private static string Short(string problem)
    {
        // The reader's message starts with the file and line, which the note already gives.
        var at = problem.IndexOf(": ", StringComparison.Ordinal);
        var text = at >= 0 && at < problem.Length - 2 ? problem[(at + 2)..] : problem;
        return text.Length > 120 ? text[..120] + "..." : text;
    }
}
