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

    private static double Weight(string term) => 1;

    private static ServicesOptions Options(string? answerModel = null, string? chatModel = null) =>
        new() { Rag = new RagOptions { RelevanceThreshold = 0.35, MinTermCoverage = 0.35, AnswerModel = answerModel }, Chat = new ChatServiceOptions { Model = chatModel } };

    [Fact]
    public async Task AnswerAsync_CloseTopicButQuestionTermsMissing_NotInTheDocumentsByTheRelevanceGate()
    {
        using var models = new DoubleModelFactory();
        var writer = new AnswerWriter(models, Options());
        // Relevance (0.70 + 0.20) / 2 = 0.45 passes the threshold; coverage 0.20 does not.
        var hits = new[] { Hit("Contoso complies with laws on parental leave. Details are available from HR.", 0.70, 0.20) };

        var answer = await writer.AnswerAsync("How much maternity leave do I get?", hits, Weight, CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Equal("relevance-gate", answer.Check);
        Assert.Equal(AnswerWriter.NotFoundAnswer, answer.Answer);
        Assert.Empty(answer.Citations);
        Assert.Equal(0.45, answer.TopRelevance, 6);
    }

    [Fact]
    public async Task AnswerAsync_PassageOverBothSettings_ExtractiveAnswerQuotesTheSentenceNotTheHeading()
    {
        using var models = new DoubleModelFactory();
        var writer = new AnswerWriter(models, Options());
        var hits = new[] { Hit("Vacation Days\n\nContoso provides every employee with 20 paid vacation days.\n\nBook them early.", 0.60, 0.80) };

        var answer = await writer.AnswerAsync("How many paid vacation days do I get?", hits, Weight, CancellationToken.None);

        Assert.True(answer.Found);
        Assert.Equal("extractive", answer.Method);
        Assert.Equal("answer-type", answer.Check);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("Contoso provides every employee with 20 paid vacation days.", citation.Quote);
    }

    [Fact]
    public async Task AnswerAsync_LayoffNoticeAgainstResignationNotice_RefusedByTheAnswerTypeCheck()
    {
        using var models = new DoubleModelFactory();
        var writer = new AnswerWriter(models, Options());
        var hits = new[] { Hit("After probation, an employee who resigns must give four weeks' notice in writing to their line manager.", 0.70, 0.60) };

        // As the index weighs them: "lays" and "someone" occur in no passage, so they weigh as the rarest terms.
        var answer = await writer.AnswerAsync("How many weeks' notice does the company give when it lays someone off?", hits, t => t is "lai" or "someon" ? 4 : 1, CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Equal("answer-type", answer.Check);
        Assert.Contains("lai", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ChatModelOnly_ModelWritesAndItsVerbatimQuoteIsCited()
    {
        using var models = new DoubleModelFactory();
        models.Chat["test:chat"] = ScriptedChatClient.Replies("QUOTE: Contoso provides every employee with 20 paid vacation days.\nANSWER: 20 days [1].");
        var writer = new AnswerWriter(models, Options(chatModel: "test:chat"));
        var hits = new[] { Hit("Vacation\n\nContoso provides every employee\nwith 20 paid vacation days.", 0.60, 0.80) };

        var answer = await writer.AnswerAsync("How many paid vacation days do I get?", hits, Weight, CancellationToken.None);

        Assert.True(answer.Found);
        Assert.Equal("model:test:chat", answer.Method);
        Assert.StartsWith("services.chat.model", answer.ModelSetting, StringComparison.Ordinal);
        Assert.Equal("grounding", answer.Check);
        Assert.Equal("Contoso provides every employee\nwith 20 paid vacation days.", Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task AnswerAsync_ModelQuoteNotInPassages_Refused()
    {
        using var models = new DoubleModelFactory();
        models.Chat["test:writer"] = ScriptedChatClient.Replies("QUOTE: Everyone gets 30 vacation days.\nANSWER: 30 days [1].");
        var writer = new AnswerWriter(models, Options(answerModel: "test:writer"));
        var hits = new[] { Hit("Contoso provides every employee with 20 paid vacation days.", 0.60, 0.80) };

        var answer = await writer.AnswerAsync("How many paid vacation days do I get?", hits, Weight, CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Equal("grounding", answer.Check);
        Assert.Equal("services.rag.answerModel", answer.ModelSetting);
    }

    [Fact]
    public async Task AnswerAsync_AnswerModelExtractiveWithAChatModel_StaysOfflineAndSaysSo()
    {
        using var models = new DoubleModelFactory();
        var writer = new AnswerWriter(models, Options(answerModel: "extractive:sentences", chatModel: "test:never-called"));
        var hits = new[] { Hit("Contoso provides every employee with 20 paid vacation days.", 0.60, 0.80) };

        var answer = await writer.AnswerAsync("How many paid vacation days do I get?", hits, Weight, CancellationToken.None);

        Assert.True(answer.Found);
        Assert.Equal("extractive", answer.Method);
        Assert.Equal("services.rag.answerModel: extractive:sentences", answer.ModelSetting);
    }
}
