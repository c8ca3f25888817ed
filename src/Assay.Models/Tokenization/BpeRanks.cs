using System.Text.Json;

namespace Assay.Models.Tokenization;

/// <summary>
/// The merge ranks of a tiktoken encoding as shipped in the <c>tiktoken</c> npm package's
/// <c>encoders/NAME.json</c>: <c>pat_str</c> (the pre-tokenizer regex), <c>special_tokens</c>
/// and <c>bpe_ranks</c>, a space-separated list where <c>! N</c> starts a run of base64
/// tokens whose ranks count up from N.
/// </summary>
internal sealed class BpeRanks
{
    private BpeRanks(Dictionary<ReadOnlyMemory<byte>, int> ranks, string pattern, IReadOnlyDictionary<string, int> special)
    {
        Ranks = ranks;
        Pattern = pattern;
        SpecialTokens = special;
    }

    /// <summary>Byte sequence -> rank (lower merges first); the rank is also the token id.</summary>
    public Dictionary<ReadOnlyMemory<byte>, int> Ranks { get; }

    public string Pattern { get; }

    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    public static BpeRanks Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var pattern = root.GetProperty("pat_str").GetString() ?? throw Bad(path, "pat_str");
        var compressed = root.GetProperty("bpe_ranks").GetString() ?? throw Bad(path, "bpe_ranks");
        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("special_tokens", out var specials))
        {
            foreach (var p in specials.EnumerateObject())
            {
                special[p.Name] = p.Value.GetInt32();
            }
        }

        var ranks = new Dictionary<ReadOnlyMemory<byte>, int>(210_000, ByteSequenceComparer.Instance);
        var parts = compressed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var next = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "!")
            {
                next = int.Parse(parts[++i], System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            ranks[Convert.FromBase64String(parts[i])] = next++;
        }

        if (ranks.Count < 256)
        {
            throw Bad(path, "bpe_ranks");
        }

        return new BpeRanks(ranks, pattern, special);
    }

    private static AssayException Bad(string path, string field) =>
        new($"Tokenizer file '{path}' has no usable '{field}': run scripts/setup.sh again to fetch tiktoken's o200k_base ranks.", ExitCodes.SetupMissing);
}
