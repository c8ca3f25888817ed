using Assay.Migration.Datasets;
using Assay.Migration.Generation;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Models;
using Assay.Models.Tokenization;

namespace Assay.Migration.Demo;

/// <summary>
/// Makes the demo's "recorded source calls" honestly: it runs a real offline method (by default
/// <c>extractive:lead-2</c>, which copies the first two sentences) over the dataset through the
/// model layer and records what it actually returned, with its measured latency and tokens.
/// The recording is bundled in samples/incidents; a test re-runs this and compares the answers.
/// </summary>
public static class DemoRecording
{
    public const string SourceModel = "extractive:lead-2";

    public static Task<int> CreateAsync(IModelFactory models, Study.Study study, string recordingPath, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var dataset = DatasetLoader.Load(study.DatasetPath, study.Columns);
        var model = study.Source with { ModelId = SourceModel, RecordingPath = null };
        return RecordAsync(models, model, dataset.Items, study.Generation, recordingPath, time, cancellationToken);
    }

    /// <summary>
    /// Records what <paramref name="model"/> (an offline method, or any model) really answers on
    /// <paramref name="items"/> with its prompt, in the workshop's 21-column layout: measured
    /// latency, tokens, and cost at its price. How tests make candidate recordings honestly.
    /// </summary>
    public static async Task<int> RecordAsync(IModelFactory models, ModelSpec model, IReadOnlyList<StudyItem> items, GenerationSettings settings, string recordingPath, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(items);
        var folder = Path.Combine(Path.GetTempPath(), "assay-recording-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var store = RunStores.Sqlite(Path.Combine(folder, "recording.sqlite"));
            await store.InitializeAsync(cancellationToken);
            var runner = new GenerationRunner(models, store, settings, concurrency: 1, time, EstimatedTokenCounter.Instance);
            await runner.RunAsync("recording", [new GenerationJob(model, model.Name, model.Prompt, items, 1)], cancellationToken);
            var order = items.Select((item, index) => (item.ItemId, index)).ToDictionary(p => p.ItemId, p => p.index, StringComparer.Ordinal);
            var records = (await runner.ReadAsync("recording", cancellationToken)).OrderBy(r => order[r.ItemId]).ToList();
            RecordingWriter.Write(recordingPath, records);
            return records.Count;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
