using System.Runtime.Intrinsics;

namespace Assay.Embeddings.Runtime;

/// <summary>
/// C = A·B + bias (or C += A·B + bias) for a row-major A [m, k] and a B stored as 16-column
/// strips (see WeightsLayout.Strips16). With AVX-512 the main kernel keeps an 8-row by
/// 32-column block of C in sixteen 512-bit registers while it walks k, reading two strips of B
/// front to back; leftover rows use 4-row and 1-row 256-bit kernels. Rows are taken in blocks
/// so the strips stay in cache while they serve them.
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
            var stripCount = n / Strip;
            for (var rows = 0; rows < m; rows += RowBlock)
            {
                var end = Math.Min(m, rows + RowBlock);
                var s = 0;
                if (Vector512.IsHardwareAccelerated)
                {
                    // Two strips at once: sixteen accumulators, each broadcast of A feeds two FMAs.
                    for (; s + 2 <= stripCount; s += 2)
                    {
                        var i = rows;
                        for (; i + 8 <= end; i += 8)
                        {
                            Kernel8x2Wide(pa + ((long)i * k), k, strips + ((long)s * k * Strip), bias + (s * Strip), pc + ((long)i * n) + (s * Strip), n, accumulate);
                        }

                        Tail(pa, k, strips, n, bias, pc, accumulate, i, end, s);
                        Tail(pa, k, strips, n, bias, pc, accumulate, i, end, s + 1);
                    }
                }

                for (; s < stripCount; s++)
                {
                    var i = rows;
                    if (Vector512.IsHardwareAccelerated)
                    {
                        for (; i + 8 <= end; i += 8)
                        {
                            Kernel8Wide(pa + ((long)i * k), k, strips + ((long)s * k * Strip), bias + (s * Strip), pc + ((long)i * n) + (s * Strip), n, accumulate);
                        }
                    }

                    Tail(pa, k, strips, n, bias, pc, accumulate, i, end, s);
                }
            }
        }
    }

    /// <summary>Rows [i, end) of strip s with the 256-bit kernels.</summary>
    private static void Tail(float* pa, int k, float* strips, int n, float* bias, float* pc, bool accumulate, int i, int end, int s)
    {
        var w = strips + ((long)s * k * Strip);
        var b = bias + (s * Strip);
        for (; i + 4 <= end; i += 4)
        {
            Kernel4(pa + ((long)i * k), k, w, b, pc + ((long)i * n) + (s * Strip), n, accumulate);
        }

        for (; i < end; i++)
        {
            Kernel1(pa + ((long)i * k), k, w, b, pc + ((long)i * n) + (s * Strip), accumulate);
        }
    }

    /// <summary>8 rows by two adjacent 16-column strips (the second starts k * 16 floats after the first).</summary>
    private static void Kernel8x2Wide(float* a, int k, float* w, float* bias, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default, d5 = default, d6 = default, d7 = default;
        var w2 = w + ((long)k * Strip);
        for (var p = 0; p < k; p++)
        {
            var b = Vector512.Load(w);
            var e = Vector512.Load(w2);
            w += Strip;
            w2 += Strip;
            var row = a + p;
            var v = Vector512.Create(row[0]);
            c0 = Vector512.MultiplyAddEstimate(v, b, c0);
            d0 = Vector512.MultiplyAddEstimate(v, e, d0);
            v = Vector512.Create(row[k]);
            c1 = Vector512.MultiplyAddEstimate(v, b, c1);
            d1 = Vector512.MultiplyAddEstimate(v, e, d1);
            v = Vector512.Create(row[2 * k]);
            c2 = Vector512.MultiplyAddEstimate(v, b, c2);
            d2 = Vector512.MultiplyAddEstimate(v, e, d2);
            v = Vector512.Create(row[3 * k]);
            c3 = Vector512.MultiplyAddEstimate(v, b, c3);
            d3 = Vector512.MultiplyAddEstimate(v, e, d3);
            v = Vector512.Create(row[4 * k]);
            c4 = Vector512.MultiplyAddEstimate(v, b, c4);
            d4 = Vector512.MultiplyAddEstimate(v, e, d4);
            v = Vector512.Create(row[5 * k]);
            c5 = Vector512.MultiplyAddEstimate(v, b, c5);
            d5 = Vector512.MultiplyAddEstimate(v, e, d5);
            v = Vector512.Create(row[6 * k]);
            c6 = Vector512.MultiplyAddEstimate(v, b, c6);
            d6 = Vector512.MultiplyAddEstimate(v, e, d6);
            v = Vector512.Create(row[7 * k]);
            c7 = Vector512.MultiplyAddEstimate(v, b, c7);
            d7 = Vector512.MultiplyAddEstimate(v, e, d7);
        }

        Store8(c, ldc, bias, accumulate, c0, c1, c2, c3, c4, c5, c6, c7);
        Store8(c + Strip, ldc, bias + Strip, accumulate, d0, d1, d2, d3, d4, d5, d6, d7);
    }

    private static void Store8(float* c, int ldc, float* bias, bool accumulate, Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3, Vector512<float> r4, Vector512<float> r5, Vector512<float> r6, Vector512<float> r7)
    {
        Span<Vector512<float>> acc = [r0, r1, r2, r3, r4, r5, r6, r7];
        var bv = Vector512.Load(bias);
        for (var r = 0; r < 8; r++)
        {
            var v = acc[r] + bv;
            if (accumulate)
            {
                v += Vector512.Load(c + (r * ldc));
            }

            v.Store(c + (r * ldc));
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

    /// <summary>8 rows by one 512-bit strip: eight independent accumulators keep both FMA units busy.</summary>
    private static void Kernel8Wide(float* a, int k, float* w, float* bias, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        for (var p = 0; p < k; p++)
        {
            var b = Vector512.Load(w);
            w += Strip;
            var row = a + p;
            c0 = Vector512.MultiplyAddEstimate(Vector512.Create(row[0]), b, c0);
            c1 = Vector512.MultiplyAddEstimate(Vector512.Create(row[k]), b, c1);
            c2 = Vector512.MultiplyAddEstimate(Vector512.Create(row[2 * k]), b, c2);
            c3 = Vector512.MultiplyAddEstimate(Vector512.Create(row[3 * k]), b, c3);
            c4 = Vector512.MultiplyAddEstimate(Vector512.Create(row[4 * k]), b, c4);
            c5 = Vector512.MultiplyAddEstimate(Vector512.Create(row[5 * k]), b, c5);
            c6 = Vector512.MultiplyAddEstimate(Vector512.Create(row[6 * k]), b, c6);
            c7 = Vector512.MultiplyAddEstimate(Vector512.Create(row[7 * k]), b, c7);
        }

        Store8(c, ldc, bias, accumulate, c0, c1, c2, c3, c4, c5, c6, c7);
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
