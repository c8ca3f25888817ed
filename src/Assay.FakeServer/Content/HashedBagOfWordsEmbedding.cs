using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Assay.FakeServer.Content;

/// <summary>
/// The fake server's embeddings, not a model: each lower-cased word of the text adds a
/// pseudo-random unit vector seeded by a hash of the word, and the sum is L2-normalised.
/// Equal texts give equal vectors and texts sharing words get a positive cosine, which is
/// enough to exercise retrieval code offline; the numbers carry no meaning.
/// </summary>
internal static partial class HashedBagOfWordsEmbedding
{
    public static float[] Create(string text, int dimensions, bool normalize = true)
    {
        var sum = new double[dimensions];
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            // No words (empty or punctuation only): the whole text seeds one vector.
            words.Add("\u0000" + text);
        }

        foreach (var word in words)
        {
            var state = Seed(word);
            for (var i = 0; i < dimensions; i++)
            {
                // Uniform in [-1, 1) from splitmix64: cheap, and its sums spread evenly.
                sum[i] += (SplitMix64(ref state) >> 11) * (2.0 / (1UL << 53)) - 1.0;
            }
        }

        var result = new float[dimensions];
        var norm = normalize ? Math.Sqrt(sum.Sum(v => v * v)) : words.Count;
        for (var i = 0; i < dimensions; i++)
        {
            result[i] = (float)(norm > 0 ? sum[i] / norm : 0);
        }

        return result;
    }

    private static ulong Seed(string word)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(word), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
