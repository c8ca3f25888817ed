namespace Assay.Bench;

/// <summary>
/// Runs a named benchmark and prints its figures: <c>dotnet run -c Release --project bench/Assay.Bench -- NAME</c>.
/// Each benchmark lives in its own file and registers here; every figure is compared with a
/// peer measured in the same run on the same machine.
/// </summary>
internal static class BenchRunner
{
    private static readonly Dictionary<string, (string What, Func<string[], Task<int>> Run)> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metrics"] = ("ROUGE-1/2/L on 10,000 pairs vs a straightforward implementation", Metrics.MetricsBenchmark.RunAsync),
        ["migration"] = ("study generation: 2,000 items at concurrency 32, fake server 50 ms: items/s vs the ceiling and vs promptfoo, peak memory (args: [ITEMS] [--in-process-only])", Migration.MigrationBench.RunAsync),
        ["migration-scale"] = (Migration.MigrationScaleBench.What, Migration.MigrationScaleBench.RunAsync),
        ["workers"] = (Migration.WorkersBench.What, Migration.WorkersBench.RunAsync),
        ["fake-server"] = ("fake model server cost per request vs bare Kestrel, concurrency 1 and 32", FakeServer.FakeServerBench.RunAsync),
        ["embeddings"] = (Embeddings.EmbeddingsBenchmark.What, Embeddings.EmbeddingsBenchmark.RunAsync),
        ["modellayer"] = ("model layer overhead per call vs a bare HttpClient, fake server, concurrency 1 and 32", ModelLayer.ModelLayerBench.RunAsync),
        ["credit"] = ("PD pipeline on 466,285 generated loans, scoring throughput, optbinning sizes, scikit-learn peer", Credit.CreditBench.RunAsync),
        ["yaml-bomb"] = (Yaml.YamlBombBench.What, Yaml.YamlBombBench.RunAsync),
        ["rag-scale"] = (RagScale.RagScaleBench.What, RagScale.RagScaleBench.RunAsync),
        ["services-load"] = ("wrk, 64 connections on loopback: embeddings and RAG search on the offline models vs /health [seconds=10]", Services.ServicesLoadBench.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var bench))
        {
            Console.Error.WriteLine("usage: bench NAME [options]; benchmarks:");
            foreach (var (name, entry) in Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"  {name,-16} {entry.What}");
            }

            return args.Length == 0 ? 0 : 2;
        }

        return await bench.Run(args[1..]).ConfigureAwait(false);
    }
}
