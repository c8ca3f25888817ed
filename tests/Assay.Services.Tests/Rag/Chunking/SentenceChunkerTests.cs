using Assay.Models.Tokenization;
using Assay.Services.Rag.Chunking;
using Assay.Services.Rag.Documents;
using Assay.Services.Text;
using Assay.Testing;

namespace Assay.Services.Tests.Rag.Chunking;

public sealed class SentenceChunkerTests
{
    private static LoadedDocument Doc(params string[] pages) =>
        new("doc.txt", "hash", pages.Select((p, i) => new DocumentPage(i + 1, p)).ToList());

    [Fact]
    public void Sentences_ProseBulletsAndNumberedHeadings_SplitAtBoundariesOnly()
    {
        var text = "3. Vacation (Paid Time Off)\n\nContoso provides 20 days. Requests go\nthrough the system.\nEligibility & Accrual\n   •   Vacation may only be taken after it is accrued\n   •   Approval depends on needs, e.g. staffing.";

        Assert.Equal(
            ["3. Vacation (Paid Time Off)", "Contoso provides 20 days.", "Requests go through the system.", "Eligibility & Accrual", "Vacation may only be taken after it is accrued", "Approval depends on needs, e.g. staffing."],
            SentenceChunker.Sentences(text));
    }

    [Fact]
    public void Split_LongPage_ChunksOfWholeSentencesWithinBudgetAndOverlapping()
    {
        var sentences = Enumerable.Range(1, 30).Select(i => $"Sentence number {i} talks about topic {i} in some detail.").ToList();
        var chunker = new SentenceChunker(chunkTokens: 60, overlapTokens: 15);
        var chunks = chunker.Split(Doc(string.Join(' ', sentences)));

        Assert.StartsWith("estimated", chunker.TokenCounting, StringComparison.Ordinal);
        Assert.True(chunks.Count > 3);
        foreach (var chunk in chunks)
        {
            Assert.True(EstimatedTokenCounter.Instance.Count(chunk.Text) <= 60 + 5, chunk.Text);
            Assert.EndsWith(".", chunk.Text, StringComparison.Ordinal);
            Assert.StartsWith("Sentence number", chunk.Text, StringComparison.Ordinal);
        }

        for (var i = 1; i < chunks.Count; i++)
        {
            var previousLast = SentenceChunker.Sentences(chunks[i - 1].Text)[^1];
            Assert.StartsWith(previousLast, chunks[i].Text, StringComparison.Ordinal);
        }

        var covered = chunks.SelectMany(c => SentenceChunker.Sentences(c.Text)).ToHashSet();
        Assert.All(sentences, s => Assert.Contains(s, covered));
    }

    [TokenizerFact]
    public void Split_WithO200kCounter_PassagesWithinBudgetInRealTokens()
    {
        var counter = Tokenizer.Require();
        var sentences = Enumerable.Range(1, 40).Select(i => $"Clause {i}: the employee's entitlement under section {i * 7} is reviewed annually.").ToList();
        var chunker = new SentenceChunker(chunkTokens: 50, overlapTokens: 10, counter);

        var chunks = chunker.Split(Doc(string.Join(' ', sentences)));

        Assert.Equal("o200k_base tokenizer", chunker.TokenCounting);
        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(counter.Count(c.Text), 1, 50));
        Assert.Contains(chunks, c => counter.Count(c.Text) > 35); // filled, not cut early
    }

    [Fact]
    public void Split_NumberedHeadings_PassagesNeverCrossSectionsAndKeepBlockBreaks()
    {
        var page = "2. Working Hours\n\nWe work from nine to five.\n\n3. Vacation\n\nEveryone gets 20 days.\nAsk two weeks ahead.";

        var chunks = new SentenceChunker(100, 10).Split(Doc(page));

        // The blank line after a heading stays, so a quote can leave the heading out.
        Assert.Equal(["2. Working Hours\n\nWe work from nine to five.", "3. Vacation\n\nEveryone gets 20 days. Ask two weeks ahead."], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_TwoPages_ChunksNeverCrossPages()
    {
        var chunks = new SentenceChunker(100, 10).Split(Doc("Page one says hello.", "Page two says goodbye."));
        Assert.Equal([1, 2], chunks.Select(c => c.Page));
        Assert.Equal(["Page one says hello.", "Page two says goodbye."], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_SentenceLongerThanAChunk_CutAtWords()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("word", 200)) + ".";
        var chunks = new SentenceChunker(32, 0).Split(Doc(longSentence));
        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(EstimatedTokenCounter.Instance.Count(c.Text) <= 33));
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(100, 60)]
    [InlineData(100, -1)]
    public void Constructor_BadSizes_ThrowNamingTheSetting(int size, int overlap)
    {
        var ex = Assert.Throws<AssayException>(() => new SentenceChunker(size, overlap));
        Assert.Contains("services.rag", ex.Message, StringComparison.Ordinal);
    }
}
