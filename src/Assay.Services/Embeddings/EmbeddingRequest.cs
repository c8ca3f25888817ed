namespace Assay.Services.Embeddings;

/// <summary>
/// Texts to embed. <see cref="Dimensions"/> truncates each vector to its first N components and,
/// when <see cref="Normalize"/> is true (the default), rescales it to unit length: the
/// Matryoshka-style reduction Titan v2 offers, done here for any model and reported as such.
/// </summary>
public sealed record EmbeddingRequest(IReadOnlyList<string> Inputs, string? Model = null, int? Dimensions = null, bool Normalize = true);

/// <summary>One vector with its input's token count.</summary>
public sealed record EmbeddingItem(int Index, float[] Embedding, int InputTokenCount);

/// <summary>
/// The vectors, in input order. <see cref="TokensEstimated"/> is true when the model did not
/// report a count for each input (it reports one per request) and they were estimated (about 4 characters per token).
/// <see cref="Truncated"/> says the vectors were cut to <see cref="Dimensions"/> from <see cref="ModelDimensions"/>.
/// </summary>
public sealed record EmbeddingResult(
    string Model,
    IReadOnlyList<EmbeddingItem> Data,
    int Dimensions,
    int ModelDimensions,
    bool Truncated,
    bool Normalized,
    int InputTokens,
    bool TokensEstimated);
