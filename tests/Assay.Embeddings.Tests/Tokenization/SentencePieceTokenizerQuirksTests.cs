using Assay.Embeddings.Tokenization;

namespace Assay.Embeddings.Tests.Tokenization;

/// <summary>
/// The reference tokenizer's rules on tiny vocabularies, one rule per test. Expected ids are what
/// the JavaScript tokenizer of @energetic-ai/embeddings 0.2.0 returns for the same vocabulary and
/// text (ids 0-5 are reserved, so the first piece listed is id 6).
/// </summary>
public sealed class SentencePieceTokenizerQuirksTests
{
    private static SentencePieceTokenizer CreateSut(params (string Piece, double Score)[] pieces) =>
        new(Vocabulary.FromPieces(pieces));

    [Fact]
    public void Encode_EmptyText_GivesNoTokens()
    {
        var sut = CreateSut(("▁", -1));

        Assert.Empty(sut.Encode(string.Empty));
    }

    [Fact]
    public void Encode_Text_PrefixesSeparatorAndTurnsSpacesIntoIt()
    {
        var sut = CreateSut(("▁a", -1), ("▁b", -1), ("▁", -5), ("a", -5), ("b", -5));

        Assert.Equal(new[] { 6, 7 }, sut.Encode("a b"));
    }

    [Fact]
    public void Encode_CharactersNoPieceCovers_MergeIntoOneUnknownToken()
    {
        var sut = CreateSut(("▁a", -1), ("b", -1), ("▁", -5), ("a", -5));

        Assert.Equal(new[] { 6, Vocabulary.UnknownId, 7 }, sut.Encode("a☃☃☃b"));
    }

    [Fact]
    public void Encode_TwoSegmentationsWithEqualScore_TakesTheLaterShorterPiece()
    {
        var sut = CreateSut(("▁ab", -3), ("▁a", -1), ("b", -2), ("▁", -5), ("a", -5));

        Assert.Equal(new[] { 7, 8 }, sut.Encode("ab"));
    }

    [Fact]
    public void Encode_HigherScoringSegmentation_Wins()
    {
        var sut = CreateSut(("▁ab", -2.5), ("▁a", -1), ("b", -2), ("▁", -5), ("a", -5));

        Assert.Equal(new[] { 6 }, sut.Encode("ab"));
    }

    [Fact]
    public void Encode_UnknownCharacterInsideAPiece_ScoresZeroAndBeatsThePiece()
    {
        // No piece starts with "a", so the unknown fallback there (score 0) outranks "▁a" (-1).
        var sut = CreateSut(("▁ab", -2), ("▁a", -1), ("b", -1));

        Assert.Equal(new[] { Vocabulary.UnknownId, 8 }, sut.Encode("ab"));
    }

    [Fact]
    public void Encode_CompatibilityCharacters_AreNormalisedFirst()
    {
        var sut = CreateSut(("▁fi", -1), ("▁", -5), ("f", -5), ("i", -5));

        Assert.Equal(new[] { 6 }, sut.Encode("ﬁ"));
    }

    [Fact]
    public void Encode_PieceWithAnAstralCharacter_StepsBackByItsUtf16Length()
    {
        // "▁😀x" spans 3 code points but 4 UTF-16 units, so the back-trace skips past "▁b" and picks "▁".
        var sut = CreateSut(("▁b", -1), ("▁😀x", -1), ("y", -1), ("▁", -9), ("b", -9), ("😀", -9), ("x", -9));

        Assert.Equal(new[] { 9, 7, 8 }, sut.Encode("b 😀xy"));
    }

    [Fact]
    public void Encode_VeryLongInput_TokenizesAllOfIt()
    {
        var sut = CreateSut(("▁", -5), ("ab", -1), ("a", -5), ("b", -5));

        var tokens = sut.Encode(string.Concat(Enumerable.Repeat("ab", 50_000)));

        Assert.Equal(50_001, tokens.Length);
    }
}
