namespace Assay.Embeddings.Tokenization;

/// <summary>A trie over the vocabulary's pieces by code point, for "every piece that starts here".</summary>
internal sealed class PieceTrie
{
    private readonly Node _root = new();

    public PieceTrie(Vocabulary vocabulary)
    {
        for (var id = Vocabulary.ReservedCount; id < vocabulary.Count; id++)
        {
            var node = _root;
            var depth = 0;
            foreach (var cp in Unicode.Nfkc.EnumerateCodePoints(vocabulary.Pieces[id]))
            {
                node.Children ??= [];
                if (!node.Children.TryGetValue(cp, out var child))
                {
                    child = new Node();
                    node.Children[cp] = child;
                }

                node = child;
                depth++;
            }

            if (depth > 0)
            {
                MaxPieceLength = Math.Max(MaxPieceLength, depth);
                // A piece listed twice keeps its last score and id, as the reference's trie does.
                node.Id = id;
                node.Score = vocabulary.Scores[id];
            }
        }
    }

    /// <summary>The longest piece, in code points: no more matches than this start at one place.</summary>
    public int MaxPieceLength { get; }

    /// <summary>Writes (length in code points, id, score) of each piece that is a prefix of symbols[start..], shortest first; returns how many.</summary>
    public int Match(ReadOnlySpan<int> symbols, int start, Span<(int Length, int Id, double Score)> matches)
    {
        var count = 0;
        var node = _root;
        for (var i = start; i < symbols.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(symbols[i], out node))
            {
                break;
            }

            if (node.Id >= 0 && count < matches.Length)
            {
                matches[count++] = (i - start + 1, node.Id, node.Score);
            }
        }

        return count;
    }

    private sealed class Node
    {
        public Dictionary<int, Node>? Children { get; set; }

        public int Id { get; set; } = -1;

        public double Score { get; set; }
    }
}
