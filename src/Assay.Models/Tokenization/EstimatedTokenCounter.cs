namespace Assay.Models.Tokenization;

/// <summary>
/// The fallback when no tokenizer is installed: an ESTIMATE of one token per 4 characters
/// (rounded up), the usual rule for English with BPE vocabularies. Its <see cref="Method"/> says
/// so, and outputs built on it carry that label. Good enough for budgets and for a ratio between
/// two prompts on the same documents; never reported as an exact count.
/// </summary>
public sealed class EstimatedTokenCounter : ITokenCounter
{
    public static readonly EstimatedTokenCounter Instance = new();

    private EstimatedTokenCounter()
    {
    }

    public string Method => "estimated: 1 token per 4 characters (no tokenizer installed; scripts/setup.sh fetches o200k_base)";

    public int Count(string text) => (text.Length + 3) / 4;

    /// <summary>The model layer's tokenizer when the factory has one, else this estimate.</summary>
    public static ITokenCounter Or(IModelFactory models) => models.Tokens ?? Instance;
}
