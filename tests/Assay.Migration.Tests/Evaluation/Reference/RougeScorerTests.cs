using Assay.Migration.Evaluation.Reference;

namespace Assay.Migration.Tests.Evaluation.Reference;

public class RougeScorerTests
{
    // rouge-score README's example: target "The quick brown fox jumps over the lazy dog",
    // prediction "The quick brown dog jumps on the log." Counted by hand:
    // unigrams: 6 shared of 8 predicted / 9 reference; bigrams: 2 of 7 / 8; LCS "the quick brown jumps the" = 5.
    private const string Reference = "The quick brown fox jumps over the lazy dog";
    private const string Prediction = "The quick brown dog jumps on the log.";

    [Fact]
    public void Score_ReadmeExample_Rouge1MatchesHandCount()
    {
        var s = new RougeScorer(useStemmer: true).Score(Prediction, Reference);
        Assert.Equal(6.0 / 8, s.Rouge1.Precision, 12);
        Assert.Equal(6.0 / 9, s.Rouge1.Recall, 12);
        Assert.Equal(0.70588235294, s.Rouge1.F1, 10);
    }

    [Fact]
    public void Score_ReadmeExample_Rouge2MatchesHandCount()
    {
        var s = new RougeScorer(useStemmer: true).Score(Prediction, Reference);
        Assert.Equal(2.0 / 7, s.Rouge2.Precision, 12);
        Assert.Equal(2.0 / 8, s.Rouge2.Recall, 12);
        Assert.Equal(4.0 / 15, s.Rouge2.F1, 12);
    }

    [Fact]
    public void Score_ReadmeExample_RougeLMatchesHandCount()
    {
        var s = new RougeScorer(useStemmer: true).Score(Prediction, Reference);
        Assert.Equal(5.0 / 8, s.RougeL.Precision, 12);
        Assert.Equal(5.0 / 9, s.RougeL.Recall, 12);
        Assert.Equal(0.58823529412, s.RougeL.F1, 10);
    }

    [Fact]
    public void Score_Stemmer_MatchesInflectedForms()
    {
        var stemmed = new RougeScorer(useStemmer: true).Score("The engineers replaced pumps", "The engineer replaces the pump");
        var plain = new RougeScorer(useStemmer: false).Score("The engineers replaced pumps", "The engineer replaces the pump");

        // stemmed: the, engin, replac, pump all shared (4 of 4 predicted, 4 of 5 reference).
        Assert.Equal(1.0, stemmed.Rouge1.Precision, 12);
        Assert.Equal(0.8, stemmed.Rouge1.Recall, 12);
        Assert.Equal(0.25, plain.Rouge1.Precision, 12);
    }

    [Fact]
    public void Score_RepeatedWords_OverlapIsClippedToTheSmallerCount()
    {
        // "the the the" against "the cat": one "the" matches (min(3, 1)).
        var s = new RougeScorer(useStemmer: false).Score("the the the", "the cat");
        Assert.Equal(1.0 / 3, s.Rouge1.Precision, 12);
        Assert.Equal(0.5, s.Rouge1.Recall, 12);
    }

    [Fact]
    public void Score_PunctuationAndCase_AreSeparatorsAndFolded()
    {
        var s = new RougeScorer(useStemmer: false).Score("Pump-3 FAILED, at 14:00!", "pump 3 failed at 14 00");
        Assert.Equal(1.0, s.Rouge1.F1, 12);
        Assert.Equal(1.0, s.Rouge2.F1, 12);
        Assert.Equal(1.0, s.RougeL.F1, 12);
    }

    [Fact]
    public void Score_EmptyPrediction_IsZeroNotNaN()
    {
        var s = new RougeScorer().Score("", Reference);
        Assert.Equal(0, s.Rouge1.F1);
        Assert.Equal(0, s.Rouge2.F1);
        Assert.Equal(0, s.RougeL.F1);
    }

    [Fact]
    public void Score_NonAsciiLetters_SplitTokensAsRougeScoreDoes()
    {
        // rouge-score keeps only [a-z0-9]: "café" becomes "caf".
        var s = new RougeScorer(useStemmer: false).Score("café", "caf");
        Assert.Equal(1.0, s.Rouge1.F1, 12);
    }

    [Fact]
    public void Score_LongTokens_AreHandled()
    {
        var longWord = new string('x', 200);
        var s = new RougeScorer().Score(longWord + " end", longWord);
        Assert.Equal(0.5, s.Rouge1.Precision, 12);
    }
}
