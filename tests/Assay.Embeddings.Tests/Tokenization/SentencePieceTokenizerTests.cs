using Assay.Embeddings.Tokenization;

namespace Assay.Embeddings.Tests.Tokenization;

public sealed class SentencePieceTokenizerTests
{
    [Fact]
    public void Encode_ReferenceSentences_ReproducesTheJavaScriptTokenizerExactly()
    {
        var tokenizer = ReferenceData.Model().Tokenizer;

        var mismatches = ReferenceData.All
            .Where(r => !tokenizer.Encode(r.Text).SequenceEqual(r.Tokens))
            .Select(r => $"'{r.Text}': got [{string.Join(",", tokenizer.Encode(r.Text).Take(12))}] expected [{string.Join(",", r.Tokens.Take(12))}]")
            .ToList();

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} sentences tokenized differently: {string.Join(" | ", mismatches.Take(5))}");
    }
}
