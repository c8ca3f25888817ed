using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Assay.FakeServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assay.Bench.FakeServer;

/// <summary>
/// How much the fake model server costs per request: each route at concurrency 1 and 32,
/// against a peer in the same run, a bare Kestrel endpoint on the same machine that returns
/// the very bytes the fake returned (captured once) without parsing or composing anything.
/// The difference is the fake's own work; a client benchmark run against the fake needs that
/// to be small next to what it measures.
/// <c>dotnet run -c Release --project bench/Assay.Bench -- fake-server [--seconds 2]</c>
/// </summary>
internal static class FakeServerBench
{
    private const string Chat = """{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Summarise the quarterly report in one sentence. The rest is detail."}]}""";
    private const string ChatStream = """{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Summarise the quarterly report in one sentence. The rest is detail."}]}""";
    private const string Converse = """{"messages":[{"role":"user","content":[{"text":"Summarise the quarterly report in one sentence. The rest is detail."}]}]}""";

    private static readonly (string Name, string Path, string Body, bool Bedrock)[] Cases =
    [
        ("openai chat json", "v1/chat/completions", Chat, false),
        ("openai chat sse", "v1/chat/completions", ChatStream, false),
        ("bedrock converse", "model/amazon.nova-lite-v1%3A0/converse", Converse, true),
        ("bedrock converse-stream", "model/amazon.nova-lite-v1%3A0/converse-stream", Converse, true),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2.0;
        await using var fake = await FakeModelServer.StartAsync();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine($"fake-server benchmark: {seconds:0.#} s per cell after a 0.5 s warm-up, {Environment.ProcessorCount} cores; client, fake and peer share this process and machine");
        Console.WriteLine("peer = bare Kestrel returning the bytes the fake returned; added = mean latency difference per request");
        Console.WriteLine();
        Console.WriteLine($"{"route",-24} {"conc",4} {"fake req/s",11} {"peer req/s",11} {"fake/peer",9} {"fake p50 ms",11} {"fake p99 ms",11} {"peer p50 ms",11} {"added us",9}");
        foreach (var (name, path, body, bedrock) in Cases)
        {
            var url = new Uri(fake.BaseUrl, path);
            using var probe = Request(url, body, bedrock);
            using var captured = await http.SendAsync(probe);
            captured.EnsureSuccessStatusCode();
            var bytes = await captured.Content.ReadAsByteArrayAsync();
            var contentType = captured.Content.Headers.ContentType?.ToString() ?? "application/json";
            await using var peer = await BarePeer.StartAsync(bytes, contentType);
            var peerUrl = new Uri(peer.BaseUrl, path);

            foreach (var concurrency in new[] { 1, 32 })
            {
                var f = await MeasureAsync(http, () => Request(url, body, bedrock), concurrency, seconds);
                var p = await MeasureAsync(http, () => Request(peerUrl, body, bedrock), concurrency, seconds);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name,-24} {concurrency,4} {f.PerSecond,11:0} {p.PerSecond,11:0} {f.PerSecond / p.PerSecond,9:P0} {f.P50Ms,11:0.000} {f.P99Ms,11:0.000} {p.P50Ms,11:0.000} {(f.MeanMs - p.MeanMs) * 1000,9:0}"));
            }
        }

        var counts = fake.Counters.Snapshot();
        Console.WriteLine();
        Console.WriteLine($"fake server counted {counts.TotalRequests} requests, {counts.Successes} successes, {counts.TotalFaults} faults (expected: all successes)");
        return counts.Successes == counts.TotalRequests ? 0 : 1;
    }

    private static HttpRequestMessage Request(Uri url, string body, bool bedrock)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = bedrock
            ? new AuthenticationHeaderValue("Bearer", "fake-bedrock-api-key")
            : new AuthenticationHeaderValue("Bearer", "sk-fake-bench");
        return request;
    }

    private static async Task<Result> MeasureAsync(HttpClient http, Func<HttpRequestMessage> create, int concurrency, double seconds)
    {
        await RunForAsync(http, create, concurrency, 0.5, null);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = [];
        }

        var started = Stopwatch.GetTimestamp();
        await RunForAsync(http, create, concurrency, seconds, latencies);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)], all.Average());
    }

    private static Task RunForAsync(HttpClient http, Func<HttpRequestMessage> create, int concurrency, double seconds, List<double>[]? latencies)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var request = create();
                using var response = await http.SendAsync(request);
                _ = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"benchmark request failed with {(int)response.StatusCode}");
                }

                latencies?[worker].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        }));
    }

    private sealed record Result(double PerSecond, double P50Ms, double P99Ms, double MeanMs);

    /// <summary>The peer: Kestrel configured as the fake is, answering every POST with fixed bytes.</summary>
    private sealed class BarePeer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private BarePeer(WebApplication app, Uri baseUrl)
        {
            this.app = app;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public static async Task<BarePeer> StartAsync(byte[] body, string contentType)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Listen(IPAddress.Loopback, 0);
            });
            builder.Services.AddRoutingCore();
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.UseRouting();
            app.MapPost("/{**path}", async context =>
            {
                // Drain the request as the fake does, then answer with the captured bytes.
                await context.Request.Body.CopyToAsync(Stream.Null);
                context.Response.ContentType = contentType;
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new BarePeer(app, new Uri(address.TrimEnd('/') + "/"));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
