using Assay.Embeddings.Tokenization.Unicode;

namespace Assay.Embeddings.Tests.Tokenization.Unicode;

public sealed class NfkcTests
{
    // Expected values are what Node 20's "text".normalize("NFKC") returns (the reference tokenizer's normaliser).
    [Theory]
    [InlineData("plain ASCII stays", "plain ASCII stays")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("ﬁnance", "finance")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("①½™", "11\u20442TM")]
    [InlineData("x²", "x2")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("㎏", "kg")]
    [InlineData("Ⅻ", "XII")]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("한국어", "한국어")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("A\u030A", "\u00C5")]
    [InlineData("\u1E0B\u0323", "\u1E0D\u0307")]
    [InlineData("q\u0307\u0323", "q\u0323\u0307")]
    [InlineData("µÅ", "\u03BC\u00C5")]
    [InlineData("ℌ", "H")]
    [InlineData("\uFB01\u0301", "f\u00ED")]
    [InlineData("", "")]
    public void Normalize_CompatibilityAndCanonicalForms_MatchJavaScriptNfkc(string input, string expected)
    {
        Assert.Equal(expected, Nfkc.Normalize(input));
    }

    [Fact]
    public void EnumerateCodePoints_SurrogatePairsAndLoneSurrogates_YieldOneSymbolEach()
    {
        var symbols = Nfkc.EnumerateCodePoints("a😀\uD800b").ToArray();

        Assert.Equal(new[] { 'a', 0x1F600, 0xD800, 'b' }, symbols);
    }
}
