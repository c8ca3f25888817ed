using Assay.Models.Tokenization;

namespace Assay.Migration.Prompts;

/// <summary>Counts tokens with the model layer's o200k_base tokenizer (installed by scripts/setup.sh).</summary>
public sealed class ModelLayerTokenCounter(TokenCounter counter) : ITokenCounter
{
    public string Method => $"{TokenCounter.EncodingName} tokenizer";

    public int Count(string text) => counter.Count(text);

    /// <summary>The model layer's tokenizer when its rank file is installed, else the stated approximation.</summary>
    public static ITokenCounter Best(TokenCounter counter) =>
        counter.RankFilePath is { } path && File.Exists(path) ? new ModelLayerTokenCounter(counter) : new ApproximateTokenCounter();
}
