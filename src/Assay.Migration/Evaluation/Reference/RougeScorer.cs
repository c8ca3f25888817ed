using System.Buffers;
using Assay.Text;

namespace Assay.Migration.Evaluation.Reference;

/// <summary>
/// ROUGE as the rouge-score package computes it: text lower-cased, every run of characters
/// outside [a-z0-9] a separator, tokens longer than 3 characters Porter-stemmed when asked.
/// Fast because each distinct word is stemmed once and becomes an integer id; n-grams are
/// packed into longs and counted by sorting, and the LCS keeps two rows. Not thread-safe: use
/// one scorer per thread.
/// </summary>
internal sealed class RougeScorer(bool useStemmer)
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> stemIds = new(StringComparer.Ordinal);

    public RougeScorer()
        : this(useStemmer: true)
    {
    }

    public bool UseStemmer { get; } = useStemmer;

    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup => ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public RougeScores Score(string prediction, string reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        var pred = Tokenize(prediction);
        var refs = Tokenize(reference);
        try
        {
            return Score(pred.AsSpan(0, pred.Count), refs.AsSpan(0, refs.Count));
        }
        finally
        {
            pred.Return();
            refs.Return();
        }
    }

    /// <summary>The token ids of a text (for tests and for scoring one text against many).</summary>
    internal int[] TokenIds(string text)
    {
        var t = Tokenize(text);
        var result = t.AsSpan(0, t.Count).ToArray();
        t.Return();
        return result;
    }

    internal static RougeScores Score(ReadOnlySpan<int> pred, ReadOnlySpan<int> refs) =>
        new(NGram(pred, refs, 1), NGram(pred, refs, 2), Lcs(pred, refs));

    private static RougeScore NGram(ReadOnlySpan<int> pred, ReadOnlySpan<int> refs, int n)
    {
        var pc = Math.Max(0, pred.Length - n + 1);
        var rc = Math.Max(0, refs.Length - n + 1);
        if (pc == 0 || rc == 0)
        {
            return RougeScore.FromCounts(0, pc, rc);
        }

        var pk = ArrayPool<long>.Shared.Rent(pc);
        var rk = ArrayPool<long>.Shared.Rent(rc);
        try
        {
            Keys(pred, n, pk.AsSpan(0, pc));
            Keys(refs, n, rk.AsSpan(0, rc));
            var a = pk.AsSpan(0, pc);
            var b = rk.AsSpan(0, rc);
            a.Sort();
            b.Sort();

            // Merge the two sorted lists: each common key contributes min(count in a, count in b).
            int i = 0, k = 0, overlap = 0;
            while (i < a.Length && k < b.Length)
            {
                if (a[i] < b[k])
                {
                    i++;
                }
                else if (a[i] > b[k])
                {
                    k++;
                }
                else
                {
                    overlap++;
                    i++;
                    k++;
                }
            }

            return RougeScore.FromCounts(overlap, pc, rc);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(pk);
            ArrayPool<long>.Shared.Return(rk);
        }
    }

    private static void Keys(ReadOnlySpan<int> tokens, int n, Span<long> keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = n == 1 ? tokens[i] : ((long)tokens[i] << 32) | (uint)tokens[i + 1];
        }
    }

    private static RougeScore Lcs(ReadOnlySpan<int> pred, ReadOnlySpan<int> refs)
    {
        if (pred.Length == 0 || refs.Length == 0)
        {
            return RougeScore.FromCounts(0, pred.Length, refs.Length);
        }

        var rows = ArrayPool<int>.Shared.Rent(2 * (refs.Length + 1));
        try
        {
            var prev = rows.AsSpan(0, refs.Length + 1);
            var cur = rows.AsSpan(refs.Length + 1, refs.Length + 1);
            prev.Clear();
            cur.Clear();
            foreach (var p in pred)
            {
                for (var j = 1; j <= refs.Length; j++)
                {
                    cur[j] = p == refs[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
                }

                var swap = prev;
                prev = cur;
                cur = swap;
            }

            return RougeScore.FromCounts(prev[refs.Length], pred.Length, refs.Length);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
        }
    }

    private PooledTokens Tokenize(string text)
    {
        var tokens = new PooledTokens(text.Length / 4 + 8);
        Span<char> word = stackalloc char[64];
        var lookupTable = Lookup;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? Fold(text[i]) : '\0';
            var isToken = c != '\0';
            if (isToken && start < 0)
            {
                start = i;
            }
            else if (!isToken && start >= 0)
            {
                var length = i - start;
                Span<char> buffer = length <= word.Length ? word[..length] : new char[length];
                for (var k = 0; k < length; k++)
                {
                    buffer[k] = Fold(text[start + k]);
                }

                tokens.Add(Id(lookupTable, buffer));
                start = -1;
            }
        }

        return tokens;
    }

    // rouge-score lower-cases, then keeps [a-z0-9]: anything else (accents included) separates tokens.
    private static char Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c,
        >= 'A' and <= 'Z' => (char)(c + 32),
        _ => '\0',
    };

    private int Id(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> table, ReadOnlySpan<char> word)
    {
        if (table.TryGetValue(word, out var id))
        {
            return id;
        }

        var text = word.ToString();
        var form = UseStemmer && text.Length > 3 ? PorterStemmer.Stem(text) : text;
        if (!stemIds.TryGetValue(form, out id))
        {
            id = stemIds.Count;
            stemIds[form] = id;
        }

        ids[text] = id;
        return id;
    }

    private struct PooledTokens(int capacity)
    {
        private int[] items = ArrayPool<int>.Shared.Rent(capacity);

        public int Count { get; private set; }

        public void Add(int id)
        {
            if (Count == items.Length)
            {
                var bigger = ArrayPool<int>.Shared.Rent(items.Length * 2);
                items.AsSpan(0, Count).CopyTo(bigger);
                ArrayPool<int>.Shared.Return(items);
                items = bigger;
            }

            items[Count++] = id;
        }

        public readonly Span<int> AsSpan(int start, int length) => items.AsSpan(start, length);

        public readonly void Return() => ArrayPool<int>.Shared.Return(items);
    }
}
