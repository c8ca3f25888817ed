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
