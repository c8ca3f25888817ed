using Microsoft.ML.Tokenizers;

namespace Assay.Models.Tokenization;

/// <summary>
/// Counts tokens with OpenAI's o200k_base encoding (Microsoft.ML.Tokenizers, ranks embedded by
/// Microsoft.ML.Tokenizers.Data.O200kBase: nothing to download). Used when a provider does not
/// report token counts; those counts are then marked as estimated, since other models tokenize differently.
/// </summary>
public sealed class TokenCounter : ITokenCounter
{
    // Building the encoder parses the embedded ranks (some 200,000 entries): once per process.
    private static readonly Lazy<Tokenizer> Encoder = new(() => TiktokenTokenizer.CreateForEncoding(EncodingName), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The one counter; it holds no state of its own.</summary>
    public static TokenCounter Shared { get; } = new();

    /// <summary>The encoding's name, for output that says how tokens were counted.</summary>
    public static string EncodingName => "o200k_base";

    public string Method => $"{EncodingName} tokenizer";

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Encoder.Value.CountTokens(text);

    public IReadOnlyList<int> Encode(string text) => string.IsNullOrEmpty(text) ? [] : Encoder.Value.EncodeToIds(text);
}
