namespace Assay.Embeddings.Model;

/// <summary>
/// How a matrix is stored in the weights file. Dense layers are stored in column strips of
/// <see cref="StripWidth"/> so the matrix-multiply kernel reads each strip front to back.
/// </summary>
internal enum WeightsLayout
{
    /// <summary>Row-major, as TensorFlow stores it (vectors, the embedding table).</summary>
    RowMajor,

    /// <summary>A [K, N] matrix as N/16 strips, each K rows of 16 consecutive floats.</summary>
    Strips16,
}

internal static class WeightsFormat
{
    public const int StripWidth = 16;

    /// <summary>File magic; the digit is the layout version.</summary>
    public static ReadOnlySpan<byte> Magic => "ASSAYW01"u8;

    public const int Alignment = 64;
}
