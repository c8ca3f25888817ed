using System.Text.RegularExpressions;
using Assay.Migration.Evaluation.Reference;
using Assay.Text;

namespace Assay.Bench.Metrics;

/// <summary>
/// The peer: ROUGE written the straightforward way (as most ports of rouge-score are): a regex
/// tokenizer, every token stemmed every time, n-grams as joined strings in dictionaries, and a
/// full (n+1) x (m+1) LCS table. Same definitions, so its scores must equal the fast scorer's.
/// </summary>
internal static partial class NaiveRouge
{
    public static (double R1, double R2, double RL) Score(string prediction, string reference, bool stem)
    {
        var p = Tokenize(prediction, stem);
        var r = Tokenize(reference, stem);
        return (NGramF1(p, r, 1), NGramF1(p, r, 2), LcsF1(p, r));
    }

    private static List<string> Tokenize(string text, bool stem) =>
        NonAlnum().Replace(text.ToLowerInvariant(), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => stem && t.Length > 3 ? PorterStemmer.Stem(t) : t)
            .ToList();

    private static double NGramF1(List<string> p, List<string> r, int n)
    {
        var pc = Counts(p, n);
        var rc = Counts(r, n);
        var overlap = pc.Sum(kv => Math.Min(kv.Value, rc.GetValueOrDefault(kv.Key)));
        return F1(overlap, Math.Max(0, p.Count - n + 1), Math.Max(0, r.Count - n + 1));
    }

    private static Dictionary<string, int> Counts(List<string> tokens, int n)
    {
        var d = new Dictionary<string, int>();
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(n));
            d[key] = d.GetValueOrDefault(key) + 1;
        }

        return d;
    }

    private static double LcsF1(List<string> p, List<string> r)
    {
        var table = new int[p.Count + 1, r.Count + 1];
        for (var i = 1; i <= p.Count; i++)
        {
            for (var j = 1; j <= r.Count; j++)
            {
                table[i, j] = p[i - 1] == r[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return F1(table[p.Count, r.Count], p.Count, r.Count);
    }

    private static double F1(int overlap, int pn, int rn)
    {
        var precision = pn == 0 ? 0 : (double)overlap / pn;
        var recall = rn == 0 ? 0 : (double)overlap / rn;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlnum();
}
