namespace Assay.Services.Rag.Evaluation;

/// <summary>A proportion with its Wilson score 95% interval (sound at small n and near 0 or 1, unlike the normal approximation).</summary>
public sealed record Proportion(int Successes, int Trials)
{
    public double Value => Trials == 0 ? double.NaN : Successes / (double)Trials;

    public (double Low, double High) Interval95
    {
        get
        {
            if (Trials == 0)
            {
                return (0, 1);
            }

            const double z = 1.959964;
            var n = (double)Trials;
            var p = Successes / n;
            var centre = (p + (z * z / (2 * n))) / (1 + (z * z / n));
            var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / (1 + (z * z / n));
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }
}
