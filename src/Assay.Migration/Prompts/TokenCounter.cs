namespace Assay.Migration.Prompts;

/// <summary>Counts a text's tokens for inflation checks; says how it counts, since reports show it.</summary>
public interface ITokenCounter
{
    /// <summary>How tokens are counted, shown next to the figures, e.g. "approximate: 4 characters per token".</summary>
    string Method { get; }

    int Count(string text);
}

/// <summary>
/// The stated approximation used when no tokenizer is configured: one token per 4 characters
/// (rounded up), the usual rule of thumb for English with BPE tokenizers. Good enough for a ratio
/// between two prompts on the same documents, which is what inflation compares.
/// </summary>
public sealed class ApproximateTokenCounter : ITokenCounter
{
    public string Method => "approximate: 1 token per 4 characters";

    public int Count(string text) => (text.Length + 3) / 4;
}
