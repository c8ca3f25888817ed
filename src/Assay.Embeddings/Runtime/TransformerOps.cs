using System.Numerics.Tensors;

namespace Assay.Embeddings.Runtime;

/// <summary>The per-row and per-sentence operations of the transformer layers, on spans.</summary>
internal static class TransformerOps
{
    /// <summary>Layer normalisation over each row of width <paramref name="width"/>, as the graph does it: (x - mean) * scale * rsqrt(variance + eps) + bias.</summary>
    public static void LayerNorm(ReadOnlySpan<float> x, int rows, int width, ReadOnlySpan<float> scale, ReadOnlySpan<float> bias, float epsilon, Span<float> output)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * width, width);
            var o = output.Slice(r * width, width);
            var mean = TensorPrimitives.Sum(row) / width;
            TensorPrimitives.Subtract(row, mean, o);
            var variance = TensorPrimitives.SumOfSquares(o) / width;
            var inverse = 1f / MathF.Sqrt(variance + epsilon);
            TensorPrimitives.Multiply(o, inverse, o);
            TensorPrimitives.MultiplyAdd(o, scale, bias, o);
        }
    }

    /// <summary>
    /// Multi-head self-attention within one sentence: rows [first, first + length) of the fused
    /// [q | k | v] buffer (row width 3 * width), heads of width / heads channels, queries
    /// scaled by 1/sqrt(head width). Padding never exists here, so no mask is needed.
    /// </summary>
    public static void Attention(ReadOnlySpan<float> qkv, int first, int length, int width, int heads, Span<float> output, Span<float> scores)
    {
        var headWidth = width / heads;
        var scale = 1f / MathF.Sqrt(headWidth);
        var stride = 3 * width;
        Span<float> query = stackalloc float[headWidth];
        for (var h = 0; h < heads; h++)
        {
            for (var i = 0; i < length; i++)
            {
                TensorPrimitives.Multiply(qkv.Slice(((first + i) * stride) + (h * headWidth), headWidth), scale, query);
                var s = scores[..length];
                for (var j = 0; j < length; j++)
                {
                    s[j] = TensorPrimitives.Dot(query, qkv.Slice(((first + j) * stride) + width + (h * headWidth), headWidth));
                }

                TensorPrimitives.SoftMax(s, s);
                var o = output.Slice(((first + i) * width) + (h * headWidth), headWidth);
                o.Clear();
                for (var j = 0; j < length; j++)
                {
                    TensorPrimitives.MultiplyAdd(qkv.Slice(((first + j) * stride) + (2 * width) + (h * headWidth), headWidth), s[j], o, o);
                }
            }
        }
    }
}
