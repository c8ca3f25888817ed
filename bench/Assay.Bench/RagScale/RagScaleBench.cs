using System.Diagnostics;
using System.Globalization;
using Assay.Bench.Services;
using Assay.Embeddings.Provider;
using Assay.Models;
using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Rag.Index;
using Assay.Testing;
using Assay.Web.Hosting;
using Assay.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Assay.Bench.RagScale;

/// <summary>
/// RAG at scale: a generated policy corpus ingested through <see cref="RagService"/> (the product's
/// Markdown loader, chunker and SQLite index) at 1k, 10k and 100k passages; ingest throughput, index
/// size on disk, then bm25 / vector / hybrid search p50 and p99 with wrk at 64 connections against
/// <c>assay serve</c>'s search route, next to GET /health measured in the same run. Vectors come from
/// <see cref="HashedTermEmbeddings"/> (local:use-lite is timed separately on a sample), as printed.
/// </summary>
internal static class RagScaleBench
{
    public const string What = "generated policy corpus at 1k/10k/100k passages: ingest passages/s, index size, bm25/vector/hybrid search p50/p99 (wrk, 64 connections) vs /health [seconds=5]";
    private const int Seed = 18;
    private const int SectionsPerDocument = 40;
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];
    private static readonly TimeSpan IngestBudget = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        if (seconds is < 1 or > 60)
        {
            Console.Error.WriteLine("rag-scale: seconds per wrk run must be 1 to 60");
            return ExitCodes.BadInput;
        }

        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("rag-scale needs wrk (Debian: apt-get install -y wrk)");
            return ExitCodes.SetupMissing;
        }

        await UseLiteThroughputAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "assay-bench-ragscale-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await MeasureAsync(dataDir, seconds);
        }
        finally
        {
            Directory.Delete(dataDir, true);
        }
    }

    private static async Task<int> MeasureAsync(string dataDir, int seconds)
    {
        var options = new ServicesOptions { DataDir = dataDir, ApiKeys = { new ApiKeyOptions { Tenant = "bench", Sha256 = ApiKeyRegistry.Hash(ServicesLoadBench.Key) } } };
        options.Embeddings.Model = HashedTermEmbeddings.ModelId;
        // The stand-in has no price (it costs nothing) and must not queue behind the per-model limit of 16 calls.
        var factoryOptions = new ModelFactoryOptions { RequirePrices = false, Resilience = new() { MaxConcurrencyPerModel = 64 } };
        using var models = new ModelFactory(factoryOptions, [new HashedTermEmbeddings()]);
        await using var app = AssayServer.Build(new ServerSettings(options, models) { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        // The server's own RagService: ingesting through it invalidates the in-memory copy the search route uses.
        var rag = app.Services.GetRequiredService<RagService>();
        var baseUrl = app.Addresses().First().TrimEnd('/');
        var script = SharedData.InRepo("bench/wrk/post-json.lua");
        var corpus = new PolicyCorpus(Seed);
        Console.WriteLine($"corpus: GENERATED policy-like Markdown (seeded Random {Seed}, {SectionsPerDocument} sections a document), ingested with RagService (Markdown loader, sentence chunker, SQLite index)");
        Console.WriteLine($"vectors: {HashedTermEmbeddings.ModelId}, a hashed bag of terms standing in for local:use-lite (too slow for 100k passages here, timed above); query vectors come from it too, so search latency excludes query embedding");
        Console.WriteLine($"search load: wrk -t2 -c64 -d{seconds}s on {baseUrl}/v1/indexes/policies/search, k=5; peer GET /health in the same run; {Environment.ProcessorCount} cores shared by server, wrk and other work");
        Console.WriteLine();
        Console.WriteLine($"{"passages",9} {"ingest/s",9} {"index MB",9} {"load s",7} {"route",-22} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        var passages = 0;
        var documents = 0;
        var failed = false;
        var budget = Stopwatch.StartNew();
        foreach (var size in Sizes)
        {
            var watch = Stopwatch.StartNew();
            var added = 0;
            while (passages < size && budget.Elapsed < IngestBudget)
            {
                documents++;
                var result = await rag.IngestAsync("bench", "policies", $"policy-{documents:D5}.md", corpus.Document(documents, SectionsPerDocument), CancellationToken.None);
                passages += result.Chunks;
                added += result.Chunks;
            }

            var ingestRate = added / watch.Elapsed.TotalSeconds;
            if (passages < size)
            {
                Console.WriteLine($"ingest budget ({IngestBudget.TotalMinutes} min) spent at {passages} passages: stopping before {size}");
                break;
            }

            // The first search after a write loads the index into memory (SQLite read + BM25 build).
            var load = Stopwatch.StartNew();
            await rag.SearchAsync("bench", "policies", "warm up", SearchMode.Hybrid, 5, CancellationToken.None);
            var loadSeconds = load.Elapsed.TotalSeconds;
            var megabytes = Directory.GetFiles(Path.Combine(dataDir, "tenants", "bench", "indexes")).Sum(f => new FileInfo(f).Length) / 1e6;
            foreach (var (route, path, body) in Routes())
            {
                var r = await ServicesLoadBench.WrkAsync(baseUrl + path, body, script, seconds);
                failed |= r.Errors > 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{passages,9} {ingestRate,9:F0} {megabytes,9:F1} {loadSeconds,7:F2} {route,-22} {r.RequestsPerSecond,8:F0} {r.P50Ms,8:F1} {r.P99Ms,8:F1} {r.Errors,7}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("goal: search p99 <= 50 ms at 100k passages on 2 cores (issue 18); ingest/s is for the passages added to reach that size, with the stand-in vectors");
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average (1, 5, 15 min) at the end: {string.Join(", ", (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3))}");
        }

        await app.StopAsync();
        return failed ? 1 : 0;
    }

    private static IEnumerable<(string Route, string Path, string? Body)> Routes()
    {
        const string query = "How many days of parental leave are staff entitled to per year?";
        yield return ("GET /health (peer)", "/health", null);
        foreach (var mode in new[] { "bm25", "vector", "hybrid" })
        {
            yield return ($"search {mode}", "/v1/indexes/policies/search", $"{{\"query\":\"{query}\",\"k\":5,\"mode\":\"{mode}\"}}");
        }
    }

    /// <summary>local:use-lite on a sample of generated passages: what ingesting 100k real embeddings would cost here.</summary>
    private static async Task UseLiteThroughputAsync()
    {
        var corpus = new PolicyCorpus(Seed + 1);
        var texts = System.Text.Encoding.UTF8.GetString(corpus.Document(0, 32)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith('#')).Take(64).ToList();
        try
        {
            using var models = new ModelFactory(new ModelFactoryOptions(), [new LocalModelProvider()]);
            var generator = models.CreateEmbeddingGenerator("local:use-lite");
            await generator.GenerateAsync(texts.Take(4));
            var watch = Stopwatch.StartNew();
            await generator.GenerateAsync(texts);
            var rate = texts.Count / watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"local:use-lite embedding: {rate:F0} passages/s on {texts.Count} generated passages, all cores: 100k passages would take ~{100_000 / rate / 60:F0} min, so the index below uses stand-in vectors"));
        }
        catch (AssayException e)
        {
            Console.WriteLine($"local:use-lite not measured ({e.Message}); the index below uses stand-in vectors");
        }
    }
}
