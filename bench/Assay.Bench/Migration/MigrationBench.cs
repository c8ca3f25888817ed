using System.Diagnostics;
using System.Globalization;
using Assay.Cli;
using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Migration.Generation;
using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Store;
using Assay.Migration.Study;
using Assay.Models.Tokenization;

namespace Assay.Bench.Migration;

/// <summary>
/// Generation throughput of a study: N items (default 2,000) at concurrency 32 against the fake
/// model server answering after a fixed 50 ms. The ceiling is concurrency / latency
/// (32 / 0.05 s = 640 items/s). Measured three ways in one run, on the same server:
/// (1) Assay's generation stage in process (items/s against the ceiling);
/// (2) <c>assay migrate</c> as a child process (the whole study: load, generate, store, evaluate, report);
/// (3) promptfoo 0.123.1 <c>eval</c> as a child process on the same items, same concurrency.
/// (2) and (3) report wall time, peak resident memory and CPU time of the process (<see cref="ChildRun"/>).
/// Set up the peer with bench/Assay.Bench/Migration/setup-promptfoo.sh (npm only).
/// </summary>
internal static class MigrationBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        const int concurrency = 32;
        const double latencyMs = FixedLatencyMs;
        var ceiling = concurrency / (latencyMs / 1000.0);
        var folder = Path.Combine(Path.GetTempPath(), "assay-bench-migration-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
            {
                Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = latencyMs },
                Auth = new AuthOptions { Required = false },
            });
            var baseUrl = server.OpenAiBaseUrl.ToString().TrimEnd('/');
            var documents = Enumerable.Range(0, items)
                .Select(i => $"Pump {i} at site {i % 97} tripped on overload at {i % 24:00}:{i % 60:00}. The crew reset breaker {i} and logged fault code E{i % 13}.")
                .ToList();
            Console.WriteLine($"migration benchmark: {items} items, concurrency {concurrency}, fake server latency {latencyMs} ms; ceiling = {concurrency} / {latencyMs / 1000.0} s = {ceiling:0} items/s");

            // (1) In process: the generation stage alone, into a SQLite run store.
            await InProcessAsync(baseUrl, documents, concurrency, folder, ceiling);
            if (args.Contains("--in-process-only"))
            {
                return 0;
            }

            // (2) assay migrate as a child process.
            var dataset = Path.Combine(folder, "items.csv");
            await File.WriteAllLinesAsync(dataset, ["document,referenceResponse", .. documents.Select(d => $"{Csv.Quote(d)},\"Pump tripped; breaker reset.\"")]);
            server.Counters.Reset();
            var assay = await AssayMigrateChild.RunAsync(dataset, baseUrl, "length_ratio", concurrency);
            var assayCalls = server.Counters.Snapshot().Successes;
            Report("assay migrate (child process, 2 models)", assay, assayCalls, ceiling);

            // (3) promptfoo eval on the same items and server.
            var peer = PromptfooPeer.Locate();
            if (peer is null)
            {
                Console.WriteLine(PromptfooPeer.SetupHint);
                return 0;
            }

            server.Counters.Reset();
            var promptfoo = await peer.EvalAsync(folder, baseUrl, documents, concurrency);
            var peerCalls = server.Counters.Snapshot().Successes;
            Report($"{PromptfooPeer.Name} (child process, 2 prompts)", promptfoo, peerCalls, ceiling);
            if (promptfoo.ExitCode != 0 && peerCalls == 0)
            {
                Console.WriteLine(promptfoo.Tail());
            }

            Console.WriteLine($"assay vs promptfoo: {Rate(assayCalls, assay.Wall) / Rate(peerCalls, promptfoo.Wall):0.00}x the calls per second, {assay.PeakBytes / (double)Math.Max(1, promptfoo.PeakBytes):0.00}x the peak memory");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private const double FixedLatencyMs = 50;

    private static async Task InProcessAsync(string baseUrl, List<string> documents, int concurrency, string folder, double ceiling)
    {
        // The thread pool as `assay migrate` sets it for a study, so the in-process figure is the command's.
        ThreadPoolSetup.ForStudy();
        using var models = ModelWiring.Create(concurrency, null, requirePrices: false);
        await using var store = await RunStores.OpenAsync(null, folder, CancellationToken.None);
        var spec = new ModelSpec
        {
            Name = "cand",
            ModelId = $"openai-compatible:{baseUrl}#cand",
            Prompt = new PromptTemplate("Briefly:\n{context}"),
            PromptField = "candidates[0].prompt",
        };
        var studyItems = documents.Select((d, i) => new StudyItem { ItemId = Assay.Migration.Datasets.ItemIds.For(d), Row = i + 1, Document = d }).ToList();
        var runner = new GenerationRunner(models, store, new GenerationSettings("You are an assistant.", 1024, 0, 1), concurrency, TimeProvider.System, EstimatedTokenCounter.Instance);

        // Warm-up on other items (JIT, connection pool), not counted.
        var warm = studyItems.Take(64).Select(i => i with { ItemId = "warm" + i.ItemId }).ToList();
        await runner.RunAsync("warm", [new GenerationJob(spec, "cand", spec.Prompt, warm, 1)], CancellationToken.None);
        var before = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var summary = await runner.RunAsync("bench", [new GenerationJob(spec, "cand", spec.Prompt, studyItems, 1)], CancellationToken.None);
        watch.Stop();
        var rate = summary.Made / watch.Elapsed.TotalSeconds;
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, summary.Made);
        Console.WriteLine($"assay generation (in process): {summary.Made} calls in {watch.Elapsed.TotalSeconds:0.00} s = {rate:0} items/s = {100 * rate / ceiling:0.0}% of the ceiling; {summary.Failed} failed; {cpuPerCall:0.00} ms CPU per call (client and fake server, streamed); allocated {(GC.GetTotalAllocatedBytes() - before) / 1048576.0:0} MB; every result stored in SQLite as it arrived");
        var latencies = (await runner.ReadAsync("bench", CancellationToken.None)).Where(r => r.LatencyMs is not null).Select(r => r.LatencyMs!.Value).ToList();
        var meanLatency = latencies.Average();
        var callBound = concurrency / (meanLatency / 1000.0);
        Console.WriteLine($"  where the time goes: mean call latency {meanLatency:0.0} ms as the client measured it (the server waits {FixedLatencyMs} ms), so calls in flight allow at most {callBound:0} items/s = {100 * callBound / ceiling:0.0}% of the ceiling; the rest, {100 * (callBound - rate) / ceiling:0.0} points, is start, finish and the gaps between calls");
    }

    private static void Report(string what, ChildRun run, long calls, double ceiling)
    {
        var rate = Rate(calls, run.Wall);
        Console.WriteLine($"{what}: exit {run.ExitCode}, {calls} calls answered in {run.Wall.TotalSeconds:0.00} s wall (process start to exit) = {rate:0} calls/s = {100 * rate / ceiling:0.0}% of the ceiling; peak resident memory {run.PeakMegabytes:0} MB; {run.Cpu.TotalMilliseconds / Math.Max(1, calls):0.00} ms CPU per call (the child alone)");
    }

    private static double Rate(long calls, TimeSpan wall) => calls / Math.Max(1e-9, wall.TotalSeconds);
}
