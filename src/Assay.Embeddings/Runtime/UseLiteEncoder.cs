using System.Buffers;
using System.Numerics.Tensors;
using Assay.Embeddings.Model;
using static Assay.Embeddings.Model.UseLiteGraph;

namespace Assay.Embeddings.Runtime;

/// <summary>
/// The forward pass of the Universal Sentence Encoder lite (see <see cref="UseLiteGraph"/>) for
/// a batch of tokenized sentences. The tokens of all sentences are stacked into one matrix, so
/// the dense layers run as a few large matrix products with no padding; attention and pooling
/// run per sentence. Holds no mutable state: scratch memory is rented per call, so concurrent
/// callers each run their own batch.
/// </summary>
internal sealed unsafe class UseLiteEncoder(UseLiteWeights weights)
{
    public const int Dimensions = Width;

    /// <summary>Writes one L2-normalised 512-float vector per sentence into <paramref name="output"/> (row-major [count, 512]).</summary>
    public void Encode(IReadOnlyList<int[]> sentences, Span<float> output)
    {
        var count = sentences.Count;
        if (output.Length < count * Width)
        {
            throw new ArgumentException("The output buffer is smaller than [sentences, 512].", nameof(output));
        }

        var lengths = new int[count];
        var starts = new int[count];
        var m = 0;
        for (var s = 0; s < count; s++)
        {
            starts[s] = m;
            lengths[s] = Math.Min(sentences[s].Length, MaxTokens); // ClipToMaxLength
            m += lengths[s];
        }

        var pool = ArrayPool<float>.Shared;
        var x = pool.Rent(Math.Max(1, m * EmbeddingWidth));
        var y = pool.Rent(Math.Max(1, m * Width));
        var normed = pool.Rent(Math.Max(1, m * Width));
        var qkv = pool.Rent(Math.Max(1, m * 3 * Width));
        var attended = pool.Rent(Math.Max(1, m * Width));
        var hidden = pool.Rent(Math.Max(1, m * FeedForwardWidth));
        var scores = pool.Rent(MaxTokens);
        try
        {
            Embed(sentences, lengths, x);
            Gemm.Multiply(x, m, EmbeddingWidth, weights.ResidualW.Pointer, Width, weights.ResidualB.Pointer, y, accumulate: false);
            for (var l = 0; l < weights.Layers.Count; l++)
            {
                var layer = weights.Layers[l];
                var input = l == 0 ? x : y;
                var width = layer.Input;
                TransformerOps.LayerNorm(input, m, width, layer.AttentionNormScale.Span, layer.AttentionNormBias.Span, LayerNormEpsilon, normed);
                Gemm.Multiply(normed, m, width, layer.QkvW.Pointer, 3 * width, layer.QkvB.Pointer, qkv, accumulate: false);
                for (var s = 0; s < count; s++)
                {
                    TransformerOps.Attention(qkv, starts[s], lengths[s], width, Heads, attended, scores);
                }

                // Layer 0's residual is its projected input, already in y; layer 1's is y itself.
                Gemm.Multiply(attended, m, width, layer.OutW.Pointer, Width, layer.OutB.Pointer, y, accumulate: true);

                TransformerOps.LayerNorm(y, m, Width, layer.FfnNormScale.Span, layer.FfnNormBias.Span, LayerNormEpsilon, normed);
                Gemm.Multiply(normed, m, Width, layer.FfnW1.Pointer, FeedForwardWidth, layer.FfnB1.Pointer, hidden, accumulate: false);
                var h = hidden.AsSpan(0, m * FeedForwardWidth);
                TensorPrimitives.Max(h, 0f, h); // ReLU
                Gemm.Multiply(hidden, m, FeedForwardWidth, layer.FfnW2.Pointer, Width, layer.FfnB2.Pointer, y, accumulate: true);
            }

            Pool(y, starts, lengths, normed);
            var result = output[..(count * Width)];
            Gemm.Multiply(normed, count, Width, weights.HeadW.Pointer, Width, weights.HeadB.Pointer, result, accumulate: false);
            for (var s = 0; s < count; s++)
            {
                var v = result.Slice(s * Width, Width);
                TensorPrimitives.Tanh(v, v);
                var sumOfSquares = Math.Max(TensorPrimitives.SumOfSquares(v), L2Epsilon);
                TensorPrimitives.Multiply(v, 1f / MathF.Sqrt(sumOfSquares), v);
            }
        }
        finally
        {
            foreach (var buffer in new[] { x, y, normed, qkv, attended, hidden, scores })
            {
                pool.Return(buffer);
            }
        }
    }

    /// <summary>Row of token t at position p: e + (e + timing(p)), the embedding counted twice as the graph adds it.</summary>
    private void Embed(IReadOnlyList<int[]> sentences, int[] lengths, Span<float> x)
    {
        var table = weights.Embeddings.Span;
        var inverse = weights.Timing.Span;
        Span<float> signal = stackalloc float[EmbeddingWidth];
        var row = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            for (var p = 0; p < lengths[s]; p++, row++)
            {
                var id = sentences[s][p];
                if ((uint)id >= VocabularySize)
                {
                    throw new ArgumentOutOfRangeException(nameof(sentences), $"Token id {id} is outside the vocabulary of {VocabularySize}.");
                }

                for (var j = 0; j < TimingChannels; j++)
                {
                    var angle = p * inverse[j];
                    signal[j] = MathF.Sin(angle);
                    signal[TimingChannels + j] = MathF.Cos(angle);
                }

                var embedding = table.Slice(id * EmbeddingWidth, EmbeddingWidth);
                var target = x.Slice(row * EmbeddingWidth, EmbeddingWidth);
                TensorPrimitives.Add(embedding, signal, target);
                TensorPrimitives.Add(embedding, target, target);
            }
        }
    }

    /// <summary>Mean over each sentence's tokens; an empty sentence pools to zeros (the graph divides by max(length, 1)).</summary>
    private static void Pool(ReadOnlySpan<float> y, int[] starts, int[] lengths, Span<float> pooled)
    {
        for (var s = 0; s < starts.Length; s++)
        {
            var target = pooled.Slice(s * Width, Width);
            target.Clear();
            for (var t = 0; t < lengths[s]; t++)
            {
                TensorPrimitives.Add(target, y.Slice((starts[s] + t) * Width, Width), target);
            }

            TensorPrimitives.Divide(target, Math.Max(lengths[s], 1), target);
        }
    }
}
