using System.Diagnostics;
using System.Globalization;
using Assay.FakeServer;
using Assay.FakeServer.Options;

namespace Assay.Bench.Migration;

/// <summary>
/// Workers sharing one study through PostgreSQL: the same study (N items x 2 models, concurrency
/// 16 per worker, fake server at a fixed 50 ms) run by 1, 2 and 4 <c>assay migrate --worker</c>
/// processes at once, then <c>--finish</c>. Prints the generation wall time of the workers, calls/s
/// against the ceiling (workers x concurrency / latency), calls made twice (must be 0) and the
/// finish step's time. Needs a PostgreSQL server: ASSAY_BENCH_PG or ASSAY_TEST_PG (an Npgsql
/// connection string), e.g. after <c>source scripts/services.sh; services_start</c>.
/// </summary>
internal static class WorkersBench
{
    public const string What = "workers on PostgreSQL: 1, 2 and 4 assay migrate --worker processes on one study, then --finish (args: [ITEMS], default 2000; needs ASSAY_BENCH_PG or ASSAY_TEST_PG)";

    private const int Concurrency = 16;
    private const double LatencyMs = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var items = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2000;
        var pg = Environment.GetEnvironmentVariable("ASSAY_BENCH_PG") ?? Environment.GetEnvironmentVariable("ASSAY_TEST_PG");
        if (string.IsNullOrWhiteSpace(pg))
        {
            Console.Error.WriteLine("workers bench: set ASSAY_BENCH_PG (or ASSAY_TEST_PG) to a PostgreSQL connection string, e.g. 'source scripts/services.sh; services_start' first.");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "assay-bench-workers-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
            {
                Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = LatencyMs },
                Auth = new AuthOptions { Required = false },
            });
            var dataset = Path.Combine(folder, "items.csv");
            await ScaleDataset.WriteAsync(dataset, items);
            Console.WriteLine($"workers benchmark: {items:N0} items x 2 models, concurrency {Concurrency} per worker, fake server fixed latency {LatencyMs} ms; 2 cores shared by every worker and the fake server");
            Console.WriteLine($"{"workers",-8} {"calls",9} {"wall s",8} {"calls/s",8} {"ceiling",8} {"% ceil",7} {"repeated",9} {"finish s",9}");
            foreach (var workers in new[] { 1, 2, 4 })
            {
                var study = Path.Combine(folder, $"study-{workers}.yaml");
                await File.WriteAllTextAsync(study, $$"""
                    name: bench-workers-{{workers}}-{{Guid.NewGuid().ToString("N")[..6]}}
                    dataset: { path: items.csv }
                    source:
                      model: openai-compatible:{{server.OpenAiBaseUrl}}#source
                      prompt: "Summarise:\n{context}"
                    candidates:
                      - name: cand
                        model: openai-compatible:{{server.OpenAiBaseUrl}}#cand
                        prompt: "Briefly:\n{context}"
                    metrics: [rouge]
                    concurrency: {{Concurrency}}
                    """);
                server.Counters.Reset();
                var store = "postgres:" + pg;
                var watch = Stopwatch.StartNew();
                var runs = await Task.WhenAll(Enumerable.Range(1, workers).Select(w =>
                    PeakMemory.RunAsync("dotnet", [Assay(), "migrate", study, "--out", Path.Combine(folder, $"w{workers}-{w}"), "--store", store, "--worker", "--worker-id", $"w{w}"])));
                var wall = watch.Elapsed;
                var counts = server.Counters.Snapshot();
                var finish = await PeakMemory.RunAsync("dotnet", [Assay(), "migrate", study, "--out", Path.Combine(folder, $"w{workers}-finish"), "--store", store, "--finish"]);
                if (runs.Concat([finish]).FirstOrDefault(r => r.ExitCode != 0) is { } failed)
                {
                    Console.Error.WriteLine($"a run failed with exit {failed.ExitCode}:\n{failed.Tail()}");
                    return 1;
                }

                var calls = counts.Successes;
                var ceiling = workers * Concurrency / (LatencyMs / 1000);
                var repeated = calls - (2L * items);
                Console.WriteLine($"{workers,-8} {calls,9:N0} {wall.TotalSeconds,8:0.00} {calls / wall.TotalSeconds,8:0} {ceiling,8:0} {100 * calls / wall.TotalSeconds / ceiling,6:0.0}% {repeated,9} {finish.Wall.TotalSeconds,9:0.00}");
            }

            Console.WriteLine("calls/s = calls answered by the fake server / wall time of the workers (start of the first to exit of the last, start-up included); repeated = calls beyond one per item and model (must be 0).");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Assay() => Path.Combine(AppContext.BaseDirectory, "assay.dll");
}
