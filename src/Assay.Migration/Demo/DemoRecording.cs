using Assay.Migration.Datasets;
using Assay.Migration.Generation;
using Assay.Migration.Prompts;
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

    public static async Task<int> CreateAsync(IModelFactory models, Study.Study study, string recordingPath, TimeProvider time, CancellationToken cancellationToken)
    {
        var dataset = DatasetLoader.Load(study.DatasetPath, study.Columns);
        var folder = Path.Combine(Path.GetTempPath(), "assay-recording-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var model = study.Source with { ModelId = SourceModel, RecordingPath = null };
            await using var store = RunStores.Sqlite(Path.Combine(folder, "recording.sqlite"));
            await store.InitializeAsync(cancellationToken);
            var runner = new GenerationRunner(models, store, study.Generation, concurrency: 1, time, EstimatedTokenCounter.Instance);
            await runner.RunAsync("recording", [new GenerationJob(model, model.Name, study.Source.Prompt, dataset.Items, 1)], cancellationToken);
            var order = dataset.Items.Select((item, index) => (item.ItemId, index)).ToDictionary(p => p.ItemId, p => p.index, StringComparer.Ordinal);
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
