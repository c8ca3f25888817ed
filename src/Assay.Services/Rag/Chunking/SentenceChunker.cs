using Assay.Services.Rag.Documents;
using Assay.Services.Text;

namespace Assay.Services.Rag.Chunking;

/// <summary>
/// Splits each page into passages of whole sentences of at most <c>chunkTokens</c> (estimated)
/// tokens; each passage after the first repeats the previous one's last sentences up to
/// <c>overlapTokens</c>, so an answer that straddles a boundary is whole in one of them.
/// Passages never cross pages, so every citation has one page. A sentence longer than a
/// whole passage is cut at word boundaries.
/// </summary>
public sealed class SentenceChunker
{
    private readonly int chunkTokens;
    private readonly int overlapTokens;

    public SentenceChunker(int chunkTokens, int overlapTokens)
    {
        if (chunkTokens < 16)
        {
            throw new AssayException($"Chunk size {chunkTokens} tokens is too small: use at least 16 (setting services.rag.chunkTokens).");
        }

        if (overlapTokens < 0 || overlapTokens >= chunkTokens / 2)
        {
            throw new AssayException($"Overlap {overlapTokens} tokens must be between 0 and half the chunk size ({chunkTokens / 2}) (setting services.rag.overlapTokens).");
        }

        this.chunkTokens = chunkTokens;
        this.overlapTokens = overlapTokens;
    }

    public IReadOnlyList<Chunk> Split(LoadedDocument document)
    {
        var chunks = new List<Chunk>();
        foreach (var page in document.Pages)
        {
            var sentences = TextTools.Sentences(page.Text).SelectMany(SplitLong).ToList();
            var start = 0;
            while (start < sentences.Count)
            {
                var end = start;
                var tokens = 0;
                while (end < sentences.Count && (end == start || tokens + TextTools.EstimateTokens(sentences[end]) <= chunkTokens))
                {
                    tokens += TextTools.EstimateTokens(sentences[end]) + 1;
                    end++;
                }

                chunks.Add(new Chunk(document.FileName, page.Number, chunks.Count, string.Join(' ', sentences.Skip(start).Take(end - start))));
                if (end >= sentences.Count)
                {
                    break;
                }

                var next = end;
                var overlap = 0;
                while (next - 1 > start && overlap + TextTools.EstimateTokens(sentences[next - 1]) <= overlapTokens)
                {
                    overlap += TextTools.EstimateTokens(sentences[next - 1]);
                    next--;
                }

                start = next;
            }
        }

        return chunks;
    }

    private IEnumerable<string> SplitLong(string sentence)
    {
        if (TextTools.EstimateTokens(sentence) <= chunkTokens)
        {
            yield return sentence;
            yield break;
        }

        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var piece = new List<string>();
        var length = 0;
        foreach (var word in words)
        {
            if (piece.Count > 0 && (length + word.Length + 1) / 4 > chunkTokens)
            {
                yield return string.Join(' ', piece);
                piece.Clear();
                length = 0;
            }

            piece.Add(word);
            length += word.Length + 1;
        }

        if (piece.Count > 0)
        {
            yield return string.Join(' ', piece);
        }
    }
}
