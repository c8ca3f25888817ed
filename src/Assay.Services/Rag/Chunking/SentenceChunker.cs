using Assay.Models.Extractive;
using Assay.Models.Tokenization;
using Assay.Services.Rag.Documents;
using Assay.Services.Text;

namespace Assay.Services.Rag.Chunking;

/// <summary>
/// Splits each page into passages of whole sentences of at most <c>chunkTokens</c> tokens;
/// each passage after the first repeats the previous one's last sentences up to
/// <c>overlapTokens</c>, so an answer that straddles a boundary is whole in one of them.
/// Passages never cross pages, so every citation has one page, nor numbered sections. A sentence longer than a
/// whole passage is cut at word boundaries. Sentences come from the model layer's
/// <see cref="SentenceSplitter"/> after <see cref="TextBlocks"/> has cut the page at blank lines
/// and bullets; tokens are counted by the given counter (o200k_base when installed, else the
/// labelled 4-characters-per-token estimate, see <see cref="TokenCounting"/>).
/// </summary>
public sealed class SentenceChunker
{
    private readonly int chunkTokens;
    private readonly int overlapTokens;
    private readonly ITokenCounter tokens;

    public SentenceChunker(int chunkTokens, int overlapTokens, ITokenCounter? tokens = null)
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
        this.tokens = tokens ?? EstimatedTokenCounter.Instance;
    }

    /// <summary>How passage sizes were counted, for output that states it.</summary>
    public string TokenCounting => tokens.Method;

    /// <summary>The sentences of a page as the chunker sees them: blocks at blank lines and bullets, then sentences.</summary>
    public static IReadOnlyList<string> Sentences(string page) => TextBlocks.Split(page).SelectMany(SentenceSplitter.Split).ToList();

    public IReadOnlyList<Chunk> Split(LoadedDocument document)
    {
        var chunks = new List<Chunk>();
        foreach (var (page, section) in document.Pages.SelectMany(p => TextBlocks.Sections(p.Text).Select(s => (p, s))))
        {
            // Each sentence remembers its block, so a passage keeps the blank line between a heading
            // or a list item and what follows: quotes can then leave headings out and keep line breaks.
            var pieces = section.SelectMany((block, b) => SentenceSplitter.Split(block).SelectMany(SplitLong).Select(sentence => (Sentence: sentence, Block: b))).ToList();
            var sentences = pieces.Select(p => p.Sentence).ToList();
            var sizes = sentences.Select(tokens.Count).ToList();
            var start = 0;
            while (start < sentences.Count)
            {
                var end = start;
                var size = 0;
                while (end < sentences.Count && (end == start || size + sizes[end] <= chunkTokens))
                {
                    size += sizes[end] + 1; // + 1 for the space that joins sentences
                    end++;
                }

                chunks.Add(new Chunk(document.FileName, page.Number, chunks.Count, Join(pieces, start, end)));
                if (end >= sentences.Count)
                {
                    break;
                }

                var next = end;
                var overlap = 0;
                while (next - 1 > start && overlap + sizes[next - 1] <= overlapTokens)
                {
                    overlap += sizes[next - 1];
                    next--;
                }

                start = next;
            }
        }

        return chunks;
    }

    private static string Join(List<(string Sentence, int Block)> pieces, int start, int end)
    {
        var text = new System.Text.StringBuilder(pieces[start].Sentence);
        for (var i = start + 1; i < end; i++)
        {
            text.Append(pieces[i].Block == pieces[i - 1].Block ? " " : "\n\n").Append(pieces[i].Sentence);
        }

        return text.ToString();
    }

    private IEnumerable<string> SplitLong(string sentence)
    {
        if (tokens.Count(sentence) <= chunkTokens)
        {
            yield return sentence;
            yield break;
        }

        // Word by word; a word's tokens with its leading space add up to the whole to within a token or two.
        var piece = new List<string>();
        var size = 0;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var wordTokens = tokens.Count(" " + word);
            if (piece.Count > 0 && size + wordTokens > chunkTokens)
            {
                yield return string.Join(' ', piece);
                piece.Clear();
                size = 0;
            }

            piece.Add(word);
            size += wordTokens;
        }

        if (piece.Count > 0)
        {
            yield return string.Join(' ', piece);
        }
    }
}
