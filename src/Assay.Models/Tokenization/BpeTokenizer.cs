using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Models.Tokenization;

/// <summary>
/// Byte-pair encoding as tiktoken does it: split the text with the encoding's regex, then in
/// each piece's UTF-8 bytes repeatedly merge the adjacent pair whose joined bytes have the
/// lowest rank, until no pair is in the vocabulary. Special tokens are treated as text.
/// </summary>
internal sealed class BpeTokenizer
{
    private readonly Dictionary<ReadOnlyMemory<byte>, int> _ranks;
    private readonly Dictionary<ReadOnlyMemory<byte>, int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly Regex _pattern;

    public BpeTokenizer(BpeRanks ranks)
    {
        _ranks = ranks.Ranks;
        _lookup = _ranks.GetAlternateLookup<ReadOnlySpan<byte>>();
        _pattern = new Regex(ranks.Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    public int CountTokens(string text)
    {
        var count = 0;
        Encode(text, _ => count++);
        return count;
    }

    public IReadOnlyList<int> Encode(string text)
    {
        var ids = new List<int>(text.Length / 3 + 1);
        Encode(text, ids.Add);
        return ids;
    }

    private void Encode(string text, Action<int> emit)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            foreach (var match in _pattern.EnumerateMatches(text))
            {
                var piece = text.AsSpan(match.Index, match.Length);
                var byteCount = Encoding.UTF8.GetByteCount(piece);
                if (byteCount > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(byteCount);
                }

                var bytes = buffer.AsSpan(0, Encoding.UTF8.GetBytes(piece, buffer));
                if (_lookup.TryGetValue(bytes, out var whole))
                {
                    emit(whole);
                    continue;
                }

                MergePiece(bytes, emit);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Parts are kept as start offsets into the piece; each round merges the lowest-ranked
    // adjacent pair. Quadratic in the piece length, as in tiktoken, and pieces are short.
    private void MergePiece(ReadOnlySpan<byte> piece, Action<int> emit)
    {
        var starts = new List<int>(piece.Length + 1);
        for (var i = 0; i <= piece.Length; i++)
        {
            starts.Add(i);
        }

        while (starts.Count > 2)
        {
            var bestRank = int.MaxValue;
            var bestIndex = -1;
            for (var i = 0; i < starts.Count - 2; i++)
            {
                var pair = piece[starts[i]..starts[i + 2]];
                if (_lookup.TryGetValue(pair, out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    bestIndex = i;
                }
            }

            if (bestIndex < 0)
            {
                break;
            }

            starts.RemoveAt(bestIndex + 1);
        }

        for (var i = 0; i < starts.Count - 1; i++)
        {
            var part = piece[starts[i]..starts[i + 1]];
            if (!_lookup.TryGetValue(part, out var id))
            {
                throw new InvalidOperationException("A single byte is missing from the BPE ranks: the rank file is damaged; run scripts/setup.sh again.");
            }

            emit(id);
        }
    }
}
