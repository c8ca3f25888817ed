using System.Runtime.Intrinsics;

namespace Assay.Embeddings.Runtime;

/// <summary>
/// C = A·B + bias (or C += A·B + bias) for a row-major A [m, k] and a B stored as 16-column
/// strips (see WeightsLayout.Strips16). The kernel keeps a 4-row by 16-column block of C in
/// eight 256-bit registers while it walks k, reading B's strip front to back; rows are taken
/// in blocks so a strip stays in cache while it serves them.
/// </summary>
internal static unsafe class Gemm
{
    private const int Strip = 16;
    private const int RowBlock = 48;

    public static void Multiply(ReadOnlySpan<float> a, int m, int k, float* strips, int n, float* bias, Span<float> c, bool accumulate)
    {
        if (n % Strip != 0 || a.Length < m * k || c.Length < m * n)
        {
            throw new ArgumentException($"Gemm needs n a multiple of {Strip} and buffers of [m, k] and [m, n].");
        }

        fixed (float* pa = a)
        fixed (float* pc = c)
        {
            for (var rows = 0; rows < m; rows += RowBlock)
            {
                var end = Math.Min(m, rows + RowBlock);
                for (var s = 0; s < n / Strip; s++)
                {
                    var w = strips + ((long)s * k * Strip);
                    var b = bias + (s * Strip);
                    var i = rows;
                    for (; i + 4 <= end; i += 4)
                    {
                        Kernel4(pa + ((long)i * k), k, w, b, pc + ((long)i * n) + (s * Strip), n, accumulate);
                    }

                    for (; i < end; i++)
                    {
                        Kernel1(pa + ((long)i * k), k, w, b, pc + ((long)i * n) + (s * Strip), accumulate);
                    }
                }
            }
        }
    }

    private static void Kernel4(float* a, int k, float* w, float* bias, float* c, int ldc, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        float* a0 = a, a1 = a + k, a2 = a + (2 * k), a3 = a + (3 * k);
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector256.Load(w);
            var b1 = Vector256.Load(w + 8);
            w += Strip;
            var v = Vector256.Create(a0[p]);
            c00 = Vector256.MultiplyAddEstimate(v, b0, c00);
            c01 = Vector256.MultiplyAddEstimate(v, b1, c01);
            v = Vector256.Create(a1[p]);
            c10 = Vector256.MultiplyAddEstimate(v, b0, c10);
            c11 = Vector256.MultiplyAddEstimate(v, b1, c11);
            v = Vector256.Create(a2[p]);
            c20 = Vector256.MultiplyAddEstimate(v, b0, c20);
            c21 = Vector256.MultiplyAddEstimate(v, b1, c21);
            v = Vector256.Create(a3[p]);
            c30 = Vector256.MultiplyAddEstimate(v, b0, c30);
            c31 = Vector256.MultiplyAddEstimate(v, b1, c31);
        }

        Store(c, c00, c01, bias, accumulate);
        Store(c + ldc, c10, c11, bias, accumulate);
        Store(c + (2 * ldc), c20, c21, bias, accumulate);
        Store(c + (3 * ldc), c30, c31, bias, accumulate);
    }

    private static void Kernel1(float* a, int k, float* w, float* bias, float* c, bool accumulate)
    {
        Vector256<float> c0 = default, c1 = default;
        for (var p = 0; p < k; p++)
        {
            var v = Vector256.Create(a[p]);
            c0 = Vector256.MultiplyAddEstimate(v, Vector256.Load(w), c0);
            c1 = Vector256.MultiplyAddEstimate(v, Vector256.Load(w + 8), c1);
            w += Strip;
        }

        Store(c, c0, c1, bias, accumulate);
    }

    private static void Store(float* c, Vector256<float> lo, Vector256<float> hi, float* bias, bool accumulate)
    {
        lo += Vector256.Load(bias);
        hi += Vector256.Load(bias + 8);
        if (accumulate)
        {
            lo += Vector256.Load(c);
            hi += Vector256.Load(c + 8);
        }

        lo.Store(c);
        hi.Store(c + 8);
    }
}
