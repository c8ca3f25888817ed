using Assay.FakeServer;
using Assay.FakeServer.Options;

namespace Assay.Bench.Migration;

/// <summary>
/// <c>assay migrate</c> at scale: one study per item count (default 10,000 and 100,000), each with two
/// models (source + one candidate, both <c>openai-compatible:</c>) against the in-process fake model
/// server answering after a fixed 5 ms, concurrency 64, metrics [rouge], on GENERATED incident reports
/// (<see cref="ScaleCorpus"/>). Per run: wall time, calls/s against the ceiling (concurrency / latency),
/// CPU ms per call and peak RSS of the child process; then how peak RSS grows with the items, against the
/// goal (&lt;= 300 MB at 100,000 items, &lt; 1.5x from 10,000). promptfoo eval runs on the same server as the
/// peer (default 20,000 items, two prompts); set it up with setup-promptfoo.sh.
/// </summary>
internal static class MigrationScaleBench
{
    public const string What = "assay migrate at 10k and 100k items x 2 models (fake server 5 ms, concurrency 64, [rouge]): calls/s vs the ceiling, CPU ms/call, peak RSS and its growth vs the goal; promptfoo at 20k (args: [ITEMS ...] [--peer-items N])";
    public const string AssayTool = "assay migrate (2 models)";
    private const int Concurrency = 64;
    private const double LatencyMs = 5;
    private const string Metrics = "rouge";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = MigrationScaleOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: " + MigrationScaleOptions.Usage);
            return ExitCodes.BadInput;
        }

        var commandLine = "dotnet run --project bench/Assay.Bench -c Release -- migration-scale " + string.Join(' ', args);
        var ceiling = Concurrency / (LatencyMs / 1000.0);
        Console.WriteLine(commandLine);
        Console.WriteLine($"migration-scale: assay migrate at {string.Join(" and ", options.Sizes.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} items x 2 models, metrics [{Metrics}], concurrency {Concurrency}, fake server fixed latency {LatencyMs} ms in this process; ceiling = {Concurrency} / {LatencyMs / 1000.0} s = {ceiling:0} calls/s; {Environment.ProcessorCount} cores shared by the child, the fake server and other work");
        var folder = Path.Combine(Path.GetTempPath(), "assay-bench-migration-scale-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var server = await FakeModelServer.StartAsync(new FakeServerOptions
            {
                Latency = new LatencyOptions { Distribution = LatencyDistribution.Fixed, FixedMs = LatencyMs },
                Auth = new AuthOptions { Required = false },
            });
            var baseUrl = server.OpenAiBaseUrl.ToString().TrimEnd('/');
            var rows = new List<ScaleRow>();
            foreach (var items in options.Sizes)
            {
                rows.Add(await AssayAsync(server, baseUrl, Path.Combine(folder, $"assay-{items}"), items));
            }

            if (options.PeerItems > 0)
            {
                var peer = await PeerAsync(server, baseUrl, Path.Combine(folder, "promptfoo"), options.PeerItems);
                if (peer is not null)
                {
                    rows.Add(peer);
                }
            }

            ScaleTable.Print(commandLine, rows, ceiling);
            return rows.Any(r => r.Tool == AssayTool && r.Run.ExitCode != 0) ? ExitCodes.InternalError : ExitCodes.Ok;
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

    private static async Task<ScaleRow> AssayAsync(FakeModelServer server, string baseUrl, string folder, int items)
    {
        var shape = await ScaleDataset.WriteAsync(Path.Combine(folder, "items.csv"), items);
        Console.WriteLine($"  dataset: {items:N0} generated reports of {shape.MinChars}-{shape.MaxChars} characters (mean {shape.MeanChars:0}), each with a reference summary; running assay migrate ...");
        server.Counters.Reset();
        var run = await AssayMigrateChild.RunAsync(Path.Combine(folder, "items.csv"), baseUrl, Metrics, Concurrency);
        var row = new ScaleRow(AssayTool, items, run, server.Counters.Snapshot().Successes);
        Progress(row, expectedCalls: 2L * items);
        // The study's outputs at 100,000 items are large; the next study does not need them.
        Directory.Delete(folder, recursive: true);
        return row;
    }

    private static async Task<ScaleRow?> PeerAsync(FakeModelServer server, string baseUrl, string folder, int items)
    {
        var peer = PromptfooPeer.Locate();
        if (peer is null)
        {
            Console.WriteLine("  " + PromptfooPeer.SetupHint + " Going on without the peer.");
            return null;
        }

        Directory.CreateDirectory(folder);
        Console.WriteLine($"  running {PromptfooPeer.Name} on the first {items:N0} of the same reports, 2 prompts ...");
        server.Counters.Reset();
        var run = await peer.EvalAsync(folder, baseUrl, ScaleCorpus.Items(items).Select(i => i.Document), Concurrency);
        var row = new ScaleRow($"{PromptfooPeer.Name} (2 prompts)", items, run, server.Counters.Snapshot().Successes);
        Progress(row, expectedCalls: 2L * items);
        return row;
    }

    private static void Progress(ScaleRow row, long expectedCalls)
    {
        Console.WriteLine($"  {row.Tool}, {row.Items:N0} items: exit {row.Run.ExitCode}, {row.Calls:N0} of {expectedCalls:N0} calls answered in {row.Run.Wall.TotalSeconds:0.00} s = {row.CallsPerSecond:0} calls/s; {row.CpuMsPerCall:0.000} CPU ms/call; peak RSS {row.Run.PeakMegabytes:0} MB");
        if (row.Run.ExitCode != 0)
        {
            Console.WriteLine(row.Run.Tail());
        }
    }
}
