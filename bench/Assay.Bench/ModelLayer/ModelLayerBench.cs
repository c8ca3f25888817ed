using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assay.FakeServer;
using Assay.Models;
using Assay.Models.Factory;
using Assay.Models.Metering;
using Assay.Models.OpenAI;
using Microsoft.Extensions.AI;

namespace Assay.Bench.ModelLayer;

/// <summary>
/// <c>modellayer</c>: what the model layer (factory client: metering, resilience, the OpenAI SDK
/// adapter) adds per call, against a bare <see cref="HttpClient"/> sending the same chat
/// request and parsing the same JSON, both to the fake server with zero latency on loopback,
/// at concurrency 1 and 32. Rounds alternate bare and layer so machine noise hits both; the
/// best round of each is reported, with the process CPU time per call (robust to neighbours). Target: under 1 ms added per call, at least 90% of bare calls/s.
/// </summary>
internal static class ModelLayerBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        const int Rounds = 9;
        await using var server = await FakeModelServer.StartAsync();
        var modelId = $"openai-compatible:{server.OpenAiBaseUrl}#bench";
        using var factory = new ModelFactory(new ModelFactoryOptions
        {
            Environment = _ => null,
            Resilience = new() { MaxConcurrencyPerModel = 32 },
        });
        var layer = factory.CreateChatClient(modelId);
        using var rawHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = Timeout.InfiniteTimeSpan };
        var adapter = new OpenAiProvider("openai-compatible", new ProviderContext(rawHttp, _ => null, TimeProvider.System, new ModelFactoryOptions()))
            .CreateChatClient(ModelId.Parse(modelId));
        // The layer's parts one at a time around their own adapter, to show where its time goes.
        var resilienceOptions = new Assay.Models.Resilience.ResilienceOptions { MaxConcurrencyPerModel = 32 };
        using var limits = new Assay.Models.Resilience.ModelLimits(resilienceOptions, TimeProvider.System);
        var withResilience = new Assay.Models.Resilience.ResilientChatClient(
            NewAdapter(rawHttp, modelId),
            new Assay.Models.Resilience.ResilientCall(modelId, resilienceOptions, Assay.Models.Resilience.RetryPipeline.Create(resilienceOptions, TimeProvider.System), limits, TimeProvider.System));
        var withMetering = new MeteringChatClient(NewAdapter(rawHttp, modelId), modelId, factory.Prices.Find(modelId), factory.Prices, factory.Tokens, TimeProvider.System, null);
        using var bare = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(server.OpenAiBaseUrl + "/") };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "no-key");

        Console.WriteLine($"modellayer: {calls} chat calls per round, {Rounds} rounds (bare, SDK adapter and layer in rotating order), fake server with zero latency on {server.BaseUrl}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; medians over rounds");
        var ok = true;
        foreach (var concurrency in new[] { 1, 32 })
        {
            var paths = new (string Name, Func<int, Task> Call)[]
            {
                ("bare", i => BareCallAsync(bare, i)),
                ("adapter", i => AdapterCallAsync(adapter, i)),
                ("layer", i => LayerCallAsync(layer, i)),
                ("resilience", i => AdapterCallAsync(withResilience, i)),
                ("metering", i => AdapterCallAsync(withMetering, i)),
            };

            // Warm every path (JIT tiers, connection pools) before measuring.
            foreach (var (_, call) in paths)
            {
                await MeasureAsync(call, calls, concurrency);
            }

            var results = paths.ToDictionary(p => p.Name, _ => new List<(double CallsPerSecond, double CpuUsPerCall)>());
            var ratios = new List<double>();
            for (var r = 0; r < Rounds; r++)
            {
                for (var k = 0; k < paths.Length; k++)
                {
                    var (name, call) = paths[(k + r) % paths.Length];
                    results[name].Add(await MeasureAsync(call, calls, concurrency));
                }

                ratios.Add(results["layer"][r].CallsPerSecond / results["bare"][r].CallsPerSecond);
            }

            double Rate(string name) => Median(results[name].Select(x => x.CallsPerSecond).ToList());
            double Cpu(string name) => Median(results[name].Select(x => x.CpuUsPerCall).ToList());
            var ratio = Median(ratios);
            var addedWallUs = (concurrency / Rate("layer") - concurrency / Rate("bare")) * 1e6;
            var addedCpuUs = Cpu("layer") - Cpu("bare");
            var pass = addedWallUs < 1000 && ratio >= 0.90;
            ok &= pass;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"concurrency {concurrency,2}: bare {Rate("bare"),7:0} calls/s, {Cpu("bare"),4:0} us CPU/call | SDK adapter alone {Rate("adapter"),7:0} calls/s, {Cpu("adapter"),4:0} us | layer {Rate("layer"),7:0} calls/s, {Cpu("layer"),4:0} us"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"               layer adds {addedWallUs,5:0} us wall and {addedCpuUs,4:0} us CPU per call; layer/bare {ratio:P1} (rounds {ratios.Min():P0}..{ratios.Max():P0}) [{(pass ? "meets" : "MISSES")} target: < 1 ms added, >= 90% of bare calls/s]"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"               parts over the adapter alone (CPU per call): resilience {Cpu("resilience") - Cpu("adapter"),4:0} us ({Rate("resilience"),7:0} calls/s), metering {Cpu("metering") - Cpu("adapter"),4:0} us ({Rate("metering"),7:0} calls/s), whole layer {Cpu("layer") - Cpu("adapter"),4:0} us"));
        }

        var decorators = await DecoratorsAloneAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decorators alone (metering + resilience around an in-memory client, 200,000 calls): {decorators:0.00} us CPU per call"));
        Console.WriteLine(ok ? "modellayer: targets met" : "modellayer: a target was missed (see MISSES above; on a shared machine, rerun when it is idle)");
        return ok ? 0 : 1;
    }

    /// <summary>Wall-clock calls per second, and this process's CPU time per call (client and server share the process, so the server's share cancels out in a difference).</summary>
    private static async Task<(double CallsPerSecond, double CpuUsPerCall)> MeasureAsync(Func<int, Task> call, int calls, int concurrency)
    {
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                await call(i);
            }
        }));
        var wall = watch.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return (calls / wall.TotalSeconds, used.TotalMilliseconds * 1000 / calls);
    }

    private static async Task BareCallAsync(HttpClient http, int i)
    {
        var body = JsonSerializer.Serialize(new
        {
            model = "bench",
            messages = new[] { new { role = "user", content = $"Benchmark call {i}. Second sentence." } },
        });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("chat/completions", content);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var doc = await JsonDocument.ParseAsync(stream);
        var text = doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidOperationException("bare call: empty answer");
        }
    }

    private static IChatClient NewAdapter(HttpClient http, string modelId) =>
        new OpenAiProvider("openai-compatible", new ProviderContext(http, _ => null, TimeProvider.System, new ModelFactoryOptions())).CreateChatClient(ModelId.Parse(modelId));

    private static async Task LayerCallAsync(IChatClient client, int i)
    {
        var response = await client.GetResponseAsync($"Benchmark call {i}. Second sentence.");
        if (response.Text.Length == 0)
        {
            throw new InvalidOperationException("layer call: empty answer or no metrics");
        }
    }

    private static async Task AdapterCallAsync(IChatClient client, int i)
    {
        var response = await client.GetResponseAsync($"Benchmark call {i}. Second sentence.");
        if (response.Text.Length == 0)
        {
            throw new InvalidOperationException("adapter call: empty answer");
        }
    }

    private static async Task<double> DecoratorsAloneAsync()
    {
        using var factory = new ModelFactory(new ModelFactoryOptions { Environment = _ => null, RequirePrices = false }, [new InMemoryProvider()]);
        var client = factory.CreateChatClient("memory:answer");
        for (var i = 0; i < 20_000; i++)
        {
            await client.GetResponseAsync("warm");
        }

        const int Calls = 200_000;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Calls; i++)
        {
            await client.GetResponseAsync("Benchmark call. Second sentence.");
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / Calls;
    }

    private sealed class InMemoryProvider : IModelProvider
    {
        public string Name => "memory";

        public IChatClient CreateChatClient(ModelId id) => new InMemoryChat();

        public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id) => throw new NotSupportedException();

#pragma warning disable MEAI001
        public IImageGenerator CreateImageGenerator(ModelId id) => throw new NotSupportedException();
#pragma warning restore MEAI001
    }

    private sealed class InMemoryChat : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "Answer.")) { Usage = new UsageDetails { InputTokenCount = 8, OutputTokenCount = 2 } };
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
