using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assay.Models;
using Assay.Services.Configuration;
using Assay.Services.Rag.Index;
using Microsoft.Extensions.AI;

namespace Assay.Services.Rag.Answers;

/// <summary>
/// Turns retrieved passages into an answer. First the <see cref="RelevanceGate"/>: if no passage
/// reaches both the calibrated relevance threshold and the least query-term coverage, the answer
/// is "not in the documents" and no model is called. Then,
/// with a chat model configured, the model answers from the numbered passages and cites them
/// as [n]; without one, the answer is the best passages' quoted sentences, labelled extractive.
/// </summary>
internal sealed partial class AnswerWriter(IModelFactory models, RagOptions options)
{
    public const string NotFoundAnswer = "The documents do not contain the answer to this question.";
    private const string NotFoundToken = "NOT_IN_DOCUMENTS";

    private readonly RelevanceGate gate = RelevanceGate.From(options);

    public async Task<RagAnswer> AnswerAsync(string question, IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        var top = hits.Count == 0 ? 0 : hits.Max(h => h.Relevance);
        var relevant = hits.Where(gate.Admits).ToList();
        var method = options.AnswerModel is null ? "extractive" : "model:" + options.AnswerModel;
        if (relevant.Count == 0)
        {
            return NotFound(method, top);
        }

        var citations = relevant
            .Select((h, i) => new Citation(i + 1, h.Chunk.FileName, h.Chunk.Page, QuoteFinder.BestSpan(h.Chunk.Text, question), Math.Round(h.Relevance, 4)))
            .ToList();
        if (options.AnswerModel is null)
        {
            var text = new StringBuilder("Extractive answer (no answer model configured; these are the best-matching passages, quoted):");
            foreach (var c in citations.Take(3))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n[{c.Number}] \"{c.Quote}\" ({c.File}, page {c.Page})");
            }

            return new RagAnswer(text.ToString(), true, method, citations.Take(3).ToList(), top, gate.Threshold, gate.MinCoverage);
        }

        var chat = models.CreateChatClient(options.AnswerModel);
        var response = await chat.GetResponseAsync(Prompt(question, relevant), new ChatOptions { Temperature = 0 }, cancellationToken);
        var answer = response.Text.Trim();
        if (answer.Contains(NotFoundToken, StringComparison.Ordinal))
        {
            return NotFound(method, top);
        }

        var cited = CitationMark().Matches(answer)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(n => n >= 1 && n <= citations.Count)
            .Distinct()
            .Select(n => citations[n - 1])
            .ToList();
        return new RagAnswer(answer, true, method, cited.Count > 0 ? cited : citations.Take(1).ToList(), top, gate.Threshold, gate.MinCoverage);
    }

    private RagAnswer NotFound(string method, double top) => new(NotFoundAnswer, false, method, [], top, gate.Threshold, gate.MinCoverage);

    private static List<ChatMessage> Prompt(string question, IReadOnlyList<SearchHit> hits)
    {
        var passages = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            passages.Append(CultureInfo.InvariantCulture, $"[{i + 1}] ({hits[i].Chunk.FileName}, page {hits[i].Chunk.Page})\n{hits[i].Chunk.Text}\n\n");
        }

        return
        [
            new ChatMessage(ChatRole.System, "Answer the question using ONLY the numbered passages. Cite every statement with its passage number in square brackets, like [1]. " +
                $"If the passages do not contain the answer, reply exactly {NotFoundToken} and nothing else."),
            new ChatMessage(ChatRole.User, $"Passages:\n{passages}Question: {question}"),
        ];
    }

    [GeneratedRegex(@"\[(\d{1,2})\]")]
    private static partial Regex CitationMark();
}
