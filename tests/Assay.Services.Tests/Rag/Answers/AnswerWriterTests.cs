using Assay.Services.Configuration;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Chunking;
using Assay.Services.Rag.Index;
using Assay.Services.Tests.Doubles;

namespace Assay.Services.Tests.Rag.Answers;

public sealed class AnswerWriterTests
{
    private static SearchHit Hit(string text, double cosine, double coverage) =>
        new(new Chunk("handbook.pdf", 2, 0, text), 0.03, cosine, coverage, 1, 1);

    [Fact]
    public async Task AnswerAsync_CloseTopicButQuestionTermsMissing_NotInTheDocuments()
    {
        using var models = new DoubleModelFactory();
        var writer = new AnswerWriter(models, new RagOptions { RelevanceThreshold = 0.35, MinTermCoverage = 0.35 });
        // Relevance (0.70 + 0.20) / 2 = 0.45 passes the threshold; coverage 0.20 does not.
        var hits = new[] { Hit("Contoso complies with laws on parental leave. Details are available from HR.", 0.70, 0.20) };

        var answer = await writer.AnswerAsync("How much maternity leave do I get?", hits, CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Equal(AnswerWriter.NotFoundAnswer, answer.Answer);
        Assert.Empty(answer.Citations);
        Assert.Equal(0.45, answer.TopRelevance, 6);
        Assert.Equal(0.35, answer.MinTermCoverage);
    }

    [Fact]
    public async Task AnswerAsync_PassageOverBothSettings_ExtractiveAnswerCitesIt()
    {
        using var models = new DoubleModelFactory();
        var writer = new AnswerWriter(models, new RagOptions { RelevanceThreshold = 0.35, MinTermCoverage = 0.35 });
        var hits = new[] { Hit("Contoso provides every employee with 20 paid vacation days.", 0.60, 0.80), Hit("Unrelated text about badges.", 0.60, 0.10) };

        var answer = await writer.AnswerAsync("How many paid vacation days do I get?", hits, CancellationToken.None);

        Assert.True(answer.Found);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("20 paid vacation days", citation.Quote, StringComparison.Ordinal);
    }
}
