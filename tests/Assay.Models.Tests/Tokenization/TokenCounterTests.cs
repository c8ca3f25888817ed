using Assay.Models.Tests.TestDoubles;
using Assay.Models.Tokenization;

namespace Assay.Models.Tests.Tokenization;

public sealed class TokenCounterTests
{
    // Expected ids were produced by the tiktoken npm package itself (1.0.22, o200k_base) in Node,
    // before Microsoft.ML.Tokenizers replaced the hand-written encoder: the counts must not change.
    [Theory]
    [InlineData("Hello, world!", new[] { 13225, 11, 2375, 0 })]
    [InlineData("The quick brown fox jumps over the lazy dog.", new[] { 976, 4853, 19705, 68347, 65613, 1072, 290, 29082, 6446, 13 })]
    [InlineData("  indented\n\nnew paragraph 12345 3.14159", new[] { 220, 1383, 23537, 279, 1389, 27853, 220, 7633, 2548, 220, 18, 13, 16926, 4621 })]
    [InlineData("naïve café — “quotes” 日本語のテキスト", new[] { 1503, 9954, 737, 30469, 2733, 966, 136724, 693, 17428, 40909, 3385, 16056, 18368, 38236 })]
    [InlineData("I've said they're HERE’s", new[] { 30754, 2059, 18940, 32396, 802 })]
    [InlineData("antidisestablishmentarianism supercalifragilistic 🤖🚀 x\t\ty   \n", new[] { 493, 129901, 376, 160388, 21203, 2367, 2539, 5842, 366, 17764, 311, 6207, 93643, 244, 112927, 222, 1215, 197, 32013, 10190 })]
    [InlineData("def f(x):\n    return x**2  # comment", new[] { 1314, 285, 4061, 1883, 271, 622, 1215, 410, 17, 220, 1069, 5375 })]
    public void Encode_MatchesTiktoken(string text, int[] expected)
    {
        Assert.Equal(expected, TestFactory.Tokens.Encode(text));
        Assert.Equal(expected.Length, TestFactory.Tokens.Count(text));
    }

    [Assay.Testing.SharedDataFact("workshop/document_summarization_source_model.csv")]
    public void Count_WholeWorkshopRecording_MatchesTiktoken()
    {
        var text = File.ReadAllText(Assay.Testing.SharedData.File("workshop/document_summarization_source_model.csv"));

        Assert.Equal(55408, TestFactory.Tokens.Count(text));
    }

    [Fact]
    public void Count_Empty_IsZero()
    {
        Assert.Equal(0, TestFactory.Tokens.Count(string.Empty));
    }
}
