using Assay.Embeddings.Model;
using Assay.Embeddings.Runtime;

namespace Assay.Embeddings.Tests.Runtime;

public sealed unsafe class GemmTests
{
    [Theory]
    [InlineData(1, 8, 16)]
    [InlineData(3, 5, 32)]
    [InlineData(4, 64, 48)]
    [InlineData(9, 33, 16)]
    [InlineData(61, 40, 64)]
    public void Multiply_AnyRowCount_MatchesTheNaiveProductPlusBias(int m, int k, int n)
    {
        var random = new Random(m * 1000 + k);
        var a = Random(random, m * k);
        var b = Random(random, k * n);
        var bias = Random(random, n);
        var strips = WeightsConverter.ToStrips(b, k, n);

        foreach (var accumulate in new[] { false, true })
        {
            var c = Random(random, m * n);
            var expected = (float[])c.Clone();
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var sum = 0f;
                    for (var p = 0; p < k; p++)
                    {
                        sum += a[(i * k) + p] * b[(p * n) + j];
                    }

                    expected[(i * n) + j] = (accumulate ? expected[(i * n) + j] : 0) + sum + bias[j];
                }
            }

            fixed (float* s = strips)
            fixed (float* pb = bias)
            {
                Gemm.Multiply(a, m, k, s, n, pb, c, accumulate);
            }

            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - c[i]) <= 1e-4f * Math.Max(1f, Math.Abs(expected[i])), $"element {i}: {c[i]} vs {expected[i]}");
            }
        }
    }

    [Fact]
    public void ToStrips_RowMajorMatrix_StoresEachSixteenColumnsFrontToBack()
    {
        var matrix = Enumerable.Range(0, 2 * 32).Select(i => (float)i).ToArray();

        var strips = WeightsConverter.ToStrips(matrix, 2, 32);

        Assert.Equal(matrix[..16], strips[..16]);          // row 0, columns 0-15
        Assert.Equal(matrix[32..48], strips[16..32]);      // row 1, columns 0-15
        Assert.Equal(matrix[16..32], strips[32..48]);      // row 0, columns 16-31
    }

    private static float[] Random(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
}
