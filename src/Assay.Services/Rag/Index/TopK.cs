namespace Assay.Services.Rag.Index;

/// <summary>
/// The best <c>k</c> positions by score, highest first and ties by lower position: the same
/// order as sorting every position, but O(n log k) with a heap of k, which matters at 10^5 passages.
/// </summary>
internal static class TopK
{
    private static readonly Comparer<(double Score, int Position)> WorstFirst = Comparer<(double Score, int Position)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Position.CompareTo(a.Position));

    /// <summary>Best <paramref name="k"/> of <paramref name="positions"/>, scored by <paramref name="scores"/>[position].</summary>
    public static List<(int Position, double Score)> Select(IEnumerable<int> positions, double[] scores, int k)
    {
        var heap = new PriorityQueue<int, (double, int)>(k + 1, WorstFirst);
        foreach (var position in positions)
        {
            var entry = (scores[position], position);
            if (heap.Count < k)
            {
                heap.Enqueue(position, entry);
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Compare(entry, worst) > 0)
            {
                heap.DequeueEnqueue(position, entry);
            }
        }

        var result = new List<(int Position, double Score)>(heap.Count);
        while (heap.TryDequeue(out var position, out var entry))
        {
            result.Add((position, entry.Item1));
        }

        result.Reverse();
        return result;
    }
}
