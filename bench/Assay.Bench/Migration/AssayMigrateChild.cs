using System.Globalization;

namespace Assay.Bench.Migration;

/// <summary>
/// <c>assay migrate</c> as a child process (the whole study: load, generate, store, evaluate, report)
/// on a two-model study written beside its dataset: a source and one candidate, both
/// <c>openai-compatible:</c> on the same server. Runs the assay.dll built beside the bench.
/// </summary>
internal static class AssayMigrateChild
{
    /// <summary>Writes <c>study.yaml</c> into the dataset's folder and runs it, with the outputs in <c>out</c> beside it.</summary>
    public static async Task<ChildRun> RunAsync(string dataset, string baseUrl, string metrics, int concurrency)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataset))!;
        var study = Path.Combine(folder, "study.yaml");
        await File.WriteAllTextAsync(study, $$"""
            name: bench
            dataset: { path: {{Path.GetFileName(dataset)}} }
            source:
              model: openai-compatible:{{baseUrl}}#source
              prompt: "Summarise:\n{context}"
            candidates:
              - name: cand
                model: openai-compatible:{{baseUrl}}#cand
                prompt: "Briefly:\n{context}"
            metrics: [{{metrics}}]
            concurrency: {{concurrency.ToString(CultureInfo.InvariantCulture)}}
            """);
        var assayDll = Path.Combine(AppContext.BaseDirectory, "assay.dll");
        return await PeakMemory.RunAsync("dotnet", [assayDll, "migrate", study, "--out", Path.Combine(folder, "out")]);
    }
}
