namespace Assay.Models.Tokenization;

/// <summary>Counts a text's tokens and says how, since budgets and reports built on the count show it.</summary>
public interface ITokenCounter
{
    /// <summary>How tokens are counted, shown next to figures, e.g. "o200k_base tokenizer".</summary>
    string Method { get; }

    int Count(string text);
}
