using Assay.Migration.Datasets;
using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Models.Replay;

namespace Assay.Migration.Pairing;

/// <summary>The recorded calls turned into the study's items and records, with the overlap report.</summary>
public sealed record PairedSource(
    PairingReport Report,
    IReadOnlyList<StudyItem> Items,
    IReadOnlyList<GenerationRecord> SourceRecords)
{
    /// <summary>Recorded calls whose cost was 0 or empty and were priced with <c>source.price</c> instead.</summary>
    public int PricedFromStudy { get; init; }
}

/// <summary>
/// Matches recorded source calls to dataset rows by content. Every recorded call becomes a
/// source record (keyed by the item id of its recovered document; a document recorded twice
/// becomes repeats 0, 1, ...), so the baseline covers the whole recording. Dataset items gain
/// <see cref="StudyItem.Paired"/> = false when no call was recorded for them; recorded
/// documents missing from the dataset become unpaired items without a reference. With the
/// study's <c>source.price</c>, a recorded call whose cost is 0 or empty is priced from its token
/// counts (a recording made without cost figures would otherwise look free).
/// </summary>
public static class SourcePairing
{
    public static PairedSource Pair(Dataset dataset, string recordingPath, IReadOnlyList<RecordedCall> calls, PromptTemplate sourceTemplate, string modelLabel, string modelId, (decimal Input, decimal Output)? price = null)
    {
        using var stage = MigrationTelemetry.Stage("pair");
        var priced = 0;
        var byId = dataset.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        var recordedOnly = new Dictionary<string, StudyItem>(StringComparer.Ordinal);
        var mismatched = new List<int>();
        var unmatchedRecording = new List<int>();
        var records = new List<GenerationRecord>();
        foreach (var call in calls)
        {
            var context = ContextRecovery.Recover(sourceTemplate, call.Prompt);
            if (context is null)
            {
                mismatched.Add(call.Row);
                continue;
            }

            var id = ItemIds.For(context);
            if (!byId.ContainsKey(id))
            {
                if (!recordedOnly.ContainsKey(id))
                {
                    unmatchedRecording.Add(call.Row);
                    recordedOnly[id] = new StudyItem { ItemId = id, Row = call.Row, Document = context, Paired = false };
                }
            }

            var repeat = repeats.GetValueOrDefault(id);
            repeats[id] = repeat + 1;
            records.Add(new GenerationRecord
            {
                Model = modelLabel,
                ModelId = modelId,
                ItemId = id,
                Repeat = repeat,
                Prompt = call.Prompt,
                Response = call.Error is null ? call.Response : null,
                Error = call.Error,
                LatencyMs = call.Latency?.TotalMilliseconds,
                ServerLatencyMs = call.ServerLatency?.TotalMilliseconds,
                InputTokens = call.InputTokens ?? 0,
                OutputTokens = call.OutputTokens ?? 0,
                CostUsd = Cost(call, price, ref priced),
                Replayed = true,
            });
        }

        var items = dataset.Items.Select(i => repeats.ContainsKey(i.ItemId) ? i : i with { Paired = false }).ToList();
        var report = new PairingReport
        {
            DatasetPath = dataset.Path,
            RecordingPath = recordingPath,
            Matched = items.Count(i => i.Paired),
            UnmatchedDatasetRows = [.. items.Where(i => !i.Paired).Select(i => i.Row)],
            UnmatchedRecordingRows = unmatchedRecording,
            TemplateMismatchRows = mismatched,
            RepeatedRecordingRows = repeats.Values.Sum(v => v - 1),
        };
        items.AddRange(recordedOnly.Values);
        return new PairedSource(report, items, records) { PricedFromStudy = priced };
    }

    private static decimal? Cost(RecordedCall call, (decimal Input, decimal Output)? price, ref int priced)
    {
        if (price is not { } p || call.CostUsd is > 0m || call.Error is not null)
        {
            return call.CostUsd;
        }

        priced++;
        return ((call.InputTokens ?? 0) / 1000m * p.Input) + ((call.OutputTokens ?? 0) / 1000m * p.Output);
    }
}
