using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assay.Models;
using Assay.Services.Configuration;
using Assay.Services.Rag.Index;
using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Services.Rag.Answers;

/// <summary>
/// Turns retrieved passages into an answer. First the offline checks (<see cref="AnswerabilityCheck"/>:
/// the relevance gate, then the answer type and focus terms, sentence by sentence): if they fail,
/// the answer is "not in the documents" and no model is called. Then, with an answer model
/// (<c>services.rag.answerModel</c>, else <c>services.chat.model</c>), the model must copy the
/// answering sentence verbatim from a numbered passage or say the documents do not answer; a quote
/// that is not verbatim in the passages is refused (the grounding check). Without a model, the
/// answer is the supporting sentences, quoted, labelled extractive.
/// </summary>
internal sealed partial class AnswerWriter(IModelFactory models, ServicesOptions options)
{
    public const string NotFoundAnswer = "The documents do not contain the answer to this question.";
    private const string NotFoundToken = "NOT_IN_DOCUMENTS";

    private readonly RelevanceGate gate = RelevanceGate.From(options.Rag);
    private readonly AnswerabilityCheck check = new(RelevanceGate.From(options.Rag), options.Rag.MinSentenceCoverage, options.Rag.MinFocusCoverage);
    // "extractive:sentences" asks for offline answers even when a chat model is configured.
    private readonly string? model = options.Rag.AnswerModel == Extractive ? null : options.Rag.AnswerModel ?? options.Chat.Model;

    private const string Extractive = "extractive:sentences";

    private string ModelSetting => options.Rag.AnswerModel == Extractive
        ? "services.rag.answerModel: extractive:sentences"
        : options.Rag.AnswerModel is not null
        ? "services.rag.answerModel"
        : options.Chat.Model is not null ? "services.chat.model (services.rag.answerModel is unset)" : "none: neither services.rag.answerModel nor services.chat.model is set, so answers are extractive";

    private string Method => model is null ? "extractive" : "model:" + model;

    public async Task<RagAnswer> AnswerAsync(string question, IReadOnlyList<SearchHit> hits, Func<string, double> termWeight, CancellationToken cancellationToken)
    {
        var top = hits.Count == 0 ? 0 : hits.Max(h => h.Relevance);
        var decision = check.Decide(question, hits, termWeight);
        if (!decision.Found)
        {
            return NotFound(decision.Check, decision.Reason, top);
        }

        var citations = decision.Support
            .Select((s, i) => new Citation(i + 1, s.Hit.Chunk.FileName, s.Hit.Chunk.Page, s.Quote, Math.Round(s.Hit.Relevance, 4)))
            .ToList();
        if (model is null)
        {
            var text = new StringBuilder("Extractive answer (no answer model configured; the sentences that answer, quoted):");
            foreach (var c in citations.Take(3))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n[{c.Number}] \"{c.Quote}\" ({c.File}, page {c.Page})");
            }

            return Answer(text.ToString(), decision.Check, decision.Reason, citations.Take(3).ToList(), top);
        }

        var chat = models.CreateChatClient(model);
        var passages = decision.Support.Select(s => s.Hit).ToList();
        var response = await chat.GetResponseAsync(Prompt(question, passages), new ChatOptions { Temperature = 0 }, cancellationToken);
        var reply = response.Text.Trim();
        if (reply.Contains(NotFoundToken, StringComparison.Ordinal))
        {
            return NotFound("grounding", $"the answer model ({model}) said the passages do not answer it", top);
        }

        var quote = QuoteLine().Match(reply);
        var answer = AnswerLine().Match(reply);
        if (!quote.Success || !answer.Success)
        {
            return NotFound("grounding", $"the answer model ({model}) gave no QUOTE and ANSWER lines, so its answer cannot be checked against the passages", top);
        }

        var quoted = quote.Groups[1].Value.Trim().Trim('"');
        var grounded = citations.FirstOrDefault(c => TextTools.ForMatching(passages[c.Number - 1].Chunk.Text).Contains(TextTools.ForMatching(quoted), StringComparison.Ordinal));
        if (grounded is null || quoted.Length < 8)
        {
            return NotFound("grounding", $"the answer model's quote is not verbatim in any passage: \"{Shorten(quoted)}\"", top);
        }

        var text2 = answer.Groups[1].Value.Trim();
        var cited = CitationMark().Matches(text2)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(n => n >= 1 && n <= citations.Count)
            .Distinct()
            .Select(n => citations[n - 1])
            .ToList();
        var withQuote = grounded with { Quote = Quotes.Span(passages[grounded.Number - 1].Chunk.Text, [quoted]) };
        var list = cited.Select(c => c.Number == grounded.Number ? withQuote : c).ToList();
        if (list.Count == 0)
        {
            list.Add(withQuote);
        }

        return Answer(text2, "grounding", $"{decision.Reason}; the model's quote is verbatim in passage [{grounded.Number}]", list, top);
    }

    private RagAnswer Answer(string text, string decidedBy, string reason, IReadOnlyList<Citation> citations, double top) =>
        new(text, true, Method, ModelSetting, decidedBy, reason, citations, top, gate.Threshold, gate.MinCoverage);

    private RagAnswer NotFound(string decidedBy, string reason, double top) =>
        new(NotFoundAnswer, false, Method, ModelSetting, decidedBy, reason, [], top, gate.Threshold, gate.MinCoverage);

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "...";

    private static List<ChatMessage> Prompt(string question, IReadOnlyList<SearchHit> hits)
    {
        var passages = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            passages.Append(CultureInfo.InvariantCulture, $"[{i + 1}] ({hits[i].Chunk.FileName}, page {hits[i].Chunk.Page})\n{hits[i].Chunk.Text}\n\n");
        }

        return
        [
            new ChatMessage(ChatRole.System, "Answer the question using ONLY the numbered passages. Reply in exactly two lines:\n" +
                "QUOTE: the sentence or sentences that answer, copied word for word from one passage\n" +
                "ANSWER: the answer, citing passage numbers in square brackets like [1]\n" +
                $"If the passages do not contain the answer, reply exactly {NotFoundToken} and nothing else."),
            new ChatMessage(ChatRole.User, $"Passages:\n{passages}Question: {question}"),
        ];
    }

    [GeneratedRegex(@"\[(\d{1,2})\]")]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"^\s*QUOTE:\s*(.+?)\s*(?=^\s*ANSWER:)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex QuoteLine();

    [GeneratedRegex(@"^\s*ANSWER:\s*(.+)\z", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex AnswerLine();
}
