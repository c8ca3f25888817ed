using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assay.Embeddings.Model;
using Assay.Embeddings.Runtime;
using Assay.Testing;

namespace Assay.Bench.Embeddings;

/// <summary>
/// <c>bench embeddings</c>: the C# Universal Sentence Encoder lite against the same model in
/// TensorFlow.js on Node (bench/node), on the same sentences (the fidelity test's reference
/// set), same machine, one run each: sentences per second on one thread and on every core, and
/// the resident memory the loaded model adds. Targets (issue 3): at least 3x TensorFlow.js,
/// under 150 MB for the loaded model. Writes artifacts/bench/embeddings.html.
/// </summary>
internal static class EmbeddingsBenchmark
{
    public const string What = "local:use-lite sentences/s and memory, C# vs TensorFlow.js (Node) on the same sentences";

    private const int Batch = UseLiteModel.BatchSize;

    public static async Task<int> RunAsync(string[] args)
    {
        var repeat = args.Length > 1 && args[0] == "--repeat" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var sentences = LoadSentences(repeat);
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"embeddings benchmark: {sentences.Count} sentences (reference set x{repeat}, empty string left out: TensorFlow.js cannot embed it alone), batches of {Batch}, {cores} cores");

        var (model, modelMb) = LoadCSharpModel(sentences);
        var csharp1 = Measure(model, sentences, 1);
        var csharpAll = Measure(model, sentences, cores);
        Console.WriteLine($"  C#            1 thread   : {csharp1.Wall,8:F1} sentences/s ({csharp1.Cpu:F1} per CPU-second)");
        Console.WriteLine($"  C#            {cores} threads  : {csharpAll.Wall,8:F1} sentences/s ({csharpAll.Cpu:F1} per CPU-second)");

        var sentenceFile = Path.Combine(Path.GetTempPath(), $"assay-bench-sentences-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(sentenceFile, JsonSerializer.Serialize(sentences));
        NodeResult tfjs1, tfjsAll;
        try
        {
            tfjs1 = await RunNodeAsync(sentenceFile, 1);
            Console.WriteLine($"  TensorFlow.js 1 process  : {tfjs1.SentencesPerSecond,8:F1} sentences/s ({tfjs1.PerCpuSecond:F1} per CPU-second)");
            tfjsAll = await RunNodeAsync(sentenceFile, cores);
            Console.WriteLine($"  TensorFlow.js {cores} processes: {tfjsAll.SentencesPerSecond,8:F1} sentences/s ({tfjsAll.PerCpuSecond:F1} per CPU-second)");
        }
        finally
        {
            File.Delete(sentenceFile);
        }

        var rows = new List<BenchRow>
        {
            new("single thread, wall clock", csharp1.Wall, tfjs1.SentencesPerSecond),
            new($"all {cores} cores, wall clock", csharpAll.Wall, tfjsAll.SentencesPerSecond),
            new("single thread, per CPU-second", csharp1.Cpu, tfjs1.PerCpuSecond),
            new($"all {cores} cores, per CPU-second", csharpAll.Cpu, tfjsAll.PerCpuSecond),
        };
        Console.WriteLine();
        Console.WriteLine("Per CPU-second = sentences / (user + system CPU time of the embedding work): steadier than wall clock when other jobs share the machine.");
        Console.WriteLine("| run | C# sentences/s | TensorFlow.js sentences/s | speed-up (target >= 3x) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Run} | {row.CSharp:F1} | {row.Tfjs:F1} | {row.CSharp / row.Tfjs:F2}x |");
        }

        Console.WriteLine();
        Console.WriteLine("| memory of the loaded model (resident set growth after load + one batch) | MB |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| C# (weights file memory-mapped: {model.WeightsBytes / 1048576.0:F1} MB) | {modelMb:F1} |");
        Console.WriteLine($"| TensorFlow.js (per process) | {tfjs1.ModelMB:F1} |");
        Console.WriteLine($"memory target (< 150 MB): {(modelMb < 150 ? "met" : "NOT met")}; speed target (>= 3x on every row): {(rows.All(r => r.CSharp >= 3 * r.Tfjs) ? "met" : "NOT met")}");

        var html = EmbeddingsBenchmarkReport.Html(sentences.Count, cores, rows, modelMb, tfjs1.ModelMB);
        var output = SharedData.InRepo("artifacts/bench/embeddings.html");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output + ".tmp", html);
        File.Move(output + ".tmp", output, overwrite: true);
        Console.WriteLine($"chart: {output}");
        return 0;
    }

    private static List<string> LoadSentences(int repeat)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(SharedData.InRepo("tests/Assay.Embeddings.Tests/Reference/reference.json")));
        var texts = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("text").GetString()!)
            .Where(t => t.Length > 0)
            .ToList();
        return Enumerable.Repeat(texts, Math.Max(1, repeat)).SelectMany(t => t).ToList();
    }

    private static (UseLiteModel Model, double ModelMb) LoadCSharpModel(List<string> sentences)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var model = UseLiteModel.Load(ModelFiles.Locate());
        model.Embed(sentences.Take(Batch).ToList(), 1, CancellationToken.None);
        GC.Collect();
        process.Refresh();
        return (model, (process.WorkingSet64 - before) / 1048576.0);
    }

    private static (double Wall, double Cpu) Measure(UseLiteModel model, List<string> sentences, int threads)
    {
        model.Embed(sentences.Take(Batch * threads).ToList(), threads, CancellationToken.None); // warm the threads
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        model.Embed(sentences, threads, CancellationToken.None);
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        return (sentences.Count / wall, sentences.Count / cpuSeconds);
    }

    private static async Task<NodeResult> RunNodeAsync(string sentenceFile, int processes)
    {
        var folder = SharedData.InRepo("bench/node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@energetic-ai", "embeddings")))
        {
            Console.WriteLine("  (installing bench/node with npm ci: the TensorFlow.js peer)");
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder);
        }

        var output = await RunAsync("node", ["embeddings-bench.js", sentenceFile, Batch.ToString(CultureInfo.InvariantCulture), processes.ToString(CultureInfo.InvariantCulture)], folder);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<NodeResult>(last, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException($"bench/node printed no result: {output}");
    }

    private static async Task<string> RunAsync(string file, string[] arguments, string folder)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    private sealed record NodeResult(int Sentences, double Seconds, double CpuSeconds, double SentencesPerSecond, double ModelMB, int Processes)
    {
        public double PerCpuSecond => Sentences / CpuSeconds;
    }
}

internal sealed record BenchRow(string Run, double CSharp, double Tfjs);
