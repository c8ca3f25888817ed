using System.Text.RegularExpressions;

namespace Assay.Models.Extractive;

/// <summary>
/// TextRank (Mihalcea and Tarau, 2004): sentences are nodes, edges weigh the words two
/// sentences share, normalised by their lengths (overlap / (log|a| + log|b|)); PageRank with
/// damping 0.85 ranks them, and the top N are returned in document order. Ties go to the
/// earlier sentence, so the output is deterministic.
/// </summary>
internal sealed partial class TextRankMethod(int count) : IExtractiveMethod
{
    private const double Damping = 0.85;
    private const double Tolerance = 1e-6;
    private const int MaxIterations = 200;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was",
        "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her",
        "their", "our", "your", "my", "has", "have", "had", "do", "does", "did", "not", "no", "so", "than", "then", "there", "which",
        "who", "whom", "what", "when", "where", "will", "would", "can", "could", "should", "may", "might", "also", "said", "says", "into",
        "about", "after", "before", "over", "under", "up", "out", "more", "most", "some", "such", "only", "other", "all", "any", "both",
    };

    public string Description => $"textrank-{count}: the {count} most central sentence(s) by TextRank over word overlap, copied verbatim";

    public IReadOnlyList<int> Select(IReadOnlyList<string> sentences)
    {
        if (sentences.Count <= count)
        {
            return [.. Enumerable.Range(0, sentences.Count)];
        }

        var scores = Rank(sentences);
        return [.. Enumerable.Range(0, sentences.Count)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(count)
            .Order()];
    }

    internal static double[] Rank(IReadOnlyList<string> sentences)
    {
        var n = sentences.Count;
        var words = sentences.Select(Words).ToArray();
        var weights = new double[n, n];
        var outSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var w = Similarity(words[i], words[j]);
                weights[i, j] = weights[j, i] = w;
                outSum[i] += w;
                outSum[j] += w;
            }
        }

        var score = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var next = new double[n];
            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (outSum[j] > 0)
                    {
                        sum += weights[j, i] / outSum[j] * score[j];
                    }
                }

                next[i] = (1 - Damping) / n + Damping * sum;
                delta += Math.Abs(next[i] - score[i]);
            }

            score = next;
            if (delta < Tolerance)
            {
                break;
            }
        }

        return score;
    }

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count < 2 || b.Count < 2)
        {
            return 0; // log(1) = 0 would divide by zero; one-word sentences carry no evidence
        }

        var overlap = a.Count(b.Contains);
        return overlap == 0 ? 0 : overlap / (Math.Log(a.Count) + Math.Log(b.Count));
    }

    private static HashSet<string> Words(string sentence) =>
        [.. WordPattern().Matches(sentence.ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w)).Select(Stem)];

    // A light suffix strip so "plant" and "plants" meet; not a full stemmer.
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
