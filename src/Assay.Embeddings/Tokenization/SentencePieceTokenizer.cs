using System.Buffers;

namespace Assay.Embeddings.Tokenization;

/// <summary>
/// The SentencePiece unigram tokenizer of the Universal Sentence Encoder lite, reproducing the
/// reference (<c>@energetic-ai/embeddings</c> tokenizer.ts) token for token, quirks included:
/// NFKC, a leading ▁ and every space as ▁; the Viterbi path over piece log-probabilities in
/// doubles where an unreached position (best score exactly 0) is always overwritten and ties go
/// to the later, shorter piece; a character no piece covers becomes the unknown id 0 with score 0;
/// the back-trace steps back by the piece's UTF-16 length (so a piece spanning astral characters
/// steps back further than it spans); consecutive unknown ids merge into one.
/// Immutable after construction: safe for concurrent callers.
/// </summary>
internal sealed class SentencePieceTokenizer
{
    private const char Separator = '\u2581';

    private readonly Vocabulary _vocabulary;
    private readonly PieceTrie _trie;
    private readonly int[] _stepBack;

    public SentencePieceTokenizer(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _trie = new PieceTrie(vocabulary);
        _stepBack = vocabulary.Pieces.Select(p => p.Length).ToArray();
    }

    public int VocabularySize => _vocabulary.Count;

    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Unicode.Nfkc.Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var input = Separator + normalized.Replace(' ', Separator);
        var symbols = Unicode.Nfkc.EnumerateCodePoints(input).ToArray();
        var n = symbols.Length;

        // Candidates grouped by end position, each group in ascending start order: the order
        // the reference visits them in, which decides ties.
        var byEnd = new List<(int Start, int Id, double Score)>?[n + 1];
        var matches = ArrayPool<(int Length, int Id, double Score)>.Shared.Rent(Math.Max(1, _trie.MaxPieceLength));
        try
        {
            for (var start = 0; start < n; start++)
            {
                var count = _trie.Match(symbols, start, matches);
                if (count == 0)
                {
                    matches[0] = (1, Vocabulary.UnknownId, 0d);
                    count = 1;
                }

                for (var m = 0; m < count; m++)
                {
                    var (length, id, score) = matches[m];
                    (byEnd[start + length] ??= []).Add((start, id, score));
                }
            }
        }
        finally
        {
            ArrayPool<(int Length, int Id, double Score)>.Shared.Return(matches);
        }

        var best = new double[n + 1];
        var words = new int[n + 1];
        for (var end = 0; end <= n; end++)
        {
            if (byEnd[end] is not { } candidates)
            {
                continue;
            }

            foreach (var (start, id, score) in candidates)
            {
                var total = score + best[start];
                if (best[end] == 0 || total >= best[end])
                {
                    best[end] = total;
                    words[end] = id;
                }
            }
        }

        var reversed = new List<int>();
        for (var at = n; at > 0; at -= _stepBack[words[at]])
        {
            reversed.Add(words[at]);
        }

        var tokens = new List<int>(reversed.Count);
        var previousUnknown = false;
        foreach (var id in reversed)
        {
            if (!(previousUnknown && id == Vocabulary.UnknownId))
            {
                tokens.Add(id);
            }

            previousUnknown = id == Vocabulary.UnknownId;
        }

        tokens.Reverse();
        return [.. tokens];
    }
}
