namespace Assay.Reporting.Statistics;

/// <summary>
/// The points no other point beats on both axes (e.g. cheaper and better). Works on indexes so
/// labels stay attached; ties on both axes keep every tied point on the front.
/// </summary>
internal static class ParetoFront
{
    /// <param name="lowerXIsBetter">True when smaller x is preferred (cost, latency).</param>
    /// <param name="lowerYIsBetter">True when smaller y is preferred.</param>
    /// <returns>Indexes of the front, ordered by x ascending.</returns>
    public static int[] Indexes(IReadOnlyList<(double X, double Y)> points, bool lowerXIsBetter, bool lowerYIsBetter)
    {
        var front = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var dominated = false;
            for (var j = 0; j < points.Count && !dominated; j++)
            {
                dominated = j != i && Dominates(points[j], points[i], lowerXIsBetter, lowerYIsBetter);
            }

            if (!dominated)
            {
                front.Add(i);
            }
        }

        return [.. front.OrderBy(i => points[i].X).ThenBy(i => points[i].Y)];
    }

    private static bool Dominates((double X, double Y) a, (double X, double Y) b, bool lowerX, bool lowerY)
    {
        var xNoWorse = lowerX ? a.X <= b.X : a.X >= b.X;
        var yNoWorse = lowerY ? a.Y <= b.Y : a.Y >= b.Y;
        var strictly = a.X != b.X || a.Y != b.Y;
        return xNoWorse && yNoWorse && strictly;
    }
}
