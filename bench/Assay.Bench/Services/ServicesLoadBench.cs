using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Embeddings.Provider;
using Assay.Models;
using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Testing;
using Assay.Web.Hosting;
using Assay.Web.Security;

namespace Assay.Bench.Services;

/// <summary>
/// Load on <c>assay serve</c> with the offline models: wrk on loopback, 64 connections, against
/// POST /v1/embeddings (local:use-lite) and POST /v1/indexes/hr/search (hybrid, handbook index),
/// with GET /health as the peer (the server's own floor). Prints requests/s, p50 and p99 latency
/// and errors (non-2xx, socket errors); exits 1 if any request failed.
/// </summary>
internal static partial class ServicesLoadBench
{
    internal const string Key = "assay_bench-key-0123456789abcdefghijklmnopqrst";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("services-load needs wrk (Debian: apt-get install -y wrk)");
            return ExitCodes.SetupMissing;
        }

        var dataDir = Path.Combine(Path.GetTempPath(), "assay-bench-services-" + Guid.NewGuid().ToString("N"));
        var options = new ServicesOptions { DataDir = dataDir, ApiKeys = { new ApiKeyOptions { Tenant = "bench", Sha256 = ApiKeyRegistry.Hash(Key) } } };
        // One thread per embedding call: under load the parallelism comes from concurrent requests.
        using var models = new ModelFactory(new ModelFactoryOptions(), [new LocalModelProvider(maxDegreeOfParallelism: 1)]);
        var rag = new RagService(models, options, TimeProvider.System);
        var ingested = await rag.IngestAsync("bench", "hr", "employee_handbook.pdf", await File.ReadAllBytesAsync(SharedData.File("hr/employee_handbook.pdf")), CancellationToken.None);

        await using var app = AssayServer.Build(new ServerSettings(options, models) { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var baseUrl = app.Addresses().First().TrimEnd('/');
        var script = SharedData.InRepo("bench/wrk/post-json.lua");
        Console.WriteLine($"services-load: wrk -t2 -c64 -d{seconds}s on {baseUrl}, offline models (local:use-lite; handbook index, {ingested.Chunks} passages), {Environment.ProcessorCount} cores shared by server and wrk");
        Console.WriteLine($"{"route",-34} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        var failed = false;
        foreach (var (name, path, body) in new[]
        {
            ("GET /health (peer: server floor)", "/health", (string?)null),
            ("POST /v1/embeddings (1 text)", "/v1/embeddings", "{\"input\":\"How many paid vacation days do employees get?\"}"),
            ("POST /v1/indexes/hr/search", "/v1/indexes/hr/search", "{\"query\":\"How far in advance must I request time off?\",\"k\":3}"),
        })
        {
            var result = await WrkAsync(baseUrl + path, body, script, seconds);
            failed |= result.Errors > 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {result.RequestsPerSecond,10:F0} {result.P50Ms,8:F1} {result.P99Ms,8:F1} {result.Errors,7}"));
        }

        // Figures depend on what else runs: print the machine's load so a reader can judge them.
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average (1, 5, 15 min) during the run: {string.Join(", ", (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3))}");
        }

        await app.StopAsync();
        Directory.Delete(dataDir, true);
        return failed ? 1 : 0;
    }

    internal static async Task<(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors)> WrkAsync(string url, string? body, string script, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", "-c64", $"-d{seconds}s", "--timeout", "10s", "-s", script, url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASSAY_KEY"] = Key;
        if (body is not null)
        {
            start.Environment["ASSAY_BODY"] = body;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = double.Parse(Rps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = long.Parse(P99().Match(output).Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
        var p50 = long.Parse(P50().Match(output).Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
        var non2xx = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return (rps, p50, p99, non2xx + socket);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rps();

    [GeneratedRegex(@"p99_us (\d+)")]
    private static partial Regex P99();

    [GeneratedRegex(@"p50_us (\d+)")]
    private static partial Regex P50();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
