using System.Globalization;
using Assay.Models;
using Assay.Models.Extractive;
using Assay.Models.Tokenization;
using Assay.Services.Configuration;
using Assay.Services.Rag.Chunking;
using Assay.Services.Rag.Documents;
using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Services.Summaries;

/// <summary>
/// Incident-report summaries. With <c>services.summaries.model</c> set, a chat model answers a
/// JSON-format prompt whose reply is validated (one retry with the validation error, then 502);
/// a long report is summarised chunk by chunk and the partial summaries combined by the model.
/// Without it, the offline path: fields are the report's own sentences picked by cue words and
/// the text comes from the offline extractive summarizer, labelled as such.
/// </summary>
public sealed class SummaryService(IModelFactory models, ServicesOptions options)
{
    public const int MaxLines = 20;

    public async Task<IncidentSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new AssayException("Field 'text' is empty: send the incident report to summarise.");
        }

        if (request.Lines is < 1 or > MaxLines)
        {
            throw new AssayException($"Field 'lines' is {request.Lines}: ask for 1 to {MaxLines} lines.");
        }

        var chunks = Chunk(request.Text);
        return options.Summaries.Model is null
            ? await OfflineAsync(request, chunks, cancellationToken)
            : await WithModelAsync(options.Summaries.Model, request, chunks, cancellationToken);
    }

    private IReadOnlyList<string> Chunk(string text)
    {
        var tokens = EstimatedTokenCounter.Or(models);
        if (tokens.Count(text) <= options.Summaries.ChunkTokens)
        {
            return [text];
        }

        var document = new LoadedDocument("report", string.Empty, [new DocumentPage(1, text)]);
        return new SentenceChunker(options.Summaries.ChunkTokens, 0, tokens).Split(document).Select(c => c.Text).ToList();
    }

    private async Task<IncidentSummary> OfflineAsync(SummaryRequest request, IReadOnlyList<string> chunks, CancellationToken cancellationToken)
    {
        var fields = CueWordExtractor.Extract(request.Text);
        var lines = request.Lines ?? 3;
        var offlineModel = $"{options.Summaries.OfflineModel}-{lines}";
        var summarizer = models.CreateChatClient(offlineModel);
        var partials = new List<string>();
        foreach (var chunk in chunks)
        {
            var response = await summarizer.GetResponseAsync([new ChatMessage(ChatRole.User, chunk)], cancellationToken: cancellationToken);
            partials.Add(response.Text.Trim());
        }

        // A long report: pick again among the chunks' picks, so the summary covers the whole report.
        var combined = partials.Count == 1
            ? partials[0]
            : (await summarizer.GetResponseAsync([new ChatMessage(ChatRole.User, string.Join(' ', partials))], cancellationToken: cancellationToken)).Text;
        var text = string.Join('\n', SentenceSplitter.Split(combined).Take(lines));
        return new IncidentSummary(
            fields.Equipment, fields.Location, fields.Problem, fields.ActionsTaken, fields.NextSteps, fields.Urgency, text,
            offlineModel + "+cue-words",
            chunks.Count,
            "Offline extractive summary: every field and line is a sentence from the report itself, picked by cue words and by " + offlineModel + "; no generative model was used. Set services.summaries.model for a written summary.");
    }

    private async Task<IncidentSummary> WithModelAsync(string modelId, SummaryRequest request, IReadOnlyList<string> chunks, CancellationToken cancellationToken)
    {
        var chat = models.CreateChatClient(modelId);
        SummaryJson.Parsed result;
        if (chunks.Count == 1)
        {
            result = await AskAsync(chat, modelId, Instructions(request.Lines), chunks[0], request.Lines, cancellationToken);
        }
        else
        {
            var partials = new List<string>();
            for (var i = 0; i < chunks.Count; i++)
            {
                var partial = await AskAsync(chat, modelId, Instructions(null) + $" This is part {i + 1} of {chunks.Count} of a long report.", chunks[i], null, cancellationToken);
                partials.Add(System.Text.Json.JsonSerializer.Serialize(partial));
            }

            var combine = Instructions(request.Lines) + " You are given JSON summaries of consecutive parts of one long report: combine them into one summary of the whole report.";
            result = await AskAsync(chat, modelId, combine, string.Join("\n", partials), request.Lines, cancellationToken);
        }

        return new IncidentSummary(result.Equipment, result.Location, result.Problem, result.ActionsTaken, result.NextSteps, result.Urgency, result.Text, "model:" + modelId, chunks.Count, null);
    }

    private static string Instructions(int? lines) =>
        "You summarise field incident reports for a maintenance team. Reply with ONE JSON object and nothing else, of this shape: " + SummaryJson.Schema +
        " Use null for a field the report does not mention; do not invent facts. 'text' is a plain-language summary" +
        (lines is null ? "." : string.Create(CultureInfo.InvariantCulture, $" of at most {lines} lines (one sentence per line)."));

    private static async Task<SummaryJson.Parsed> AskAsync(IChatClient chat, string modelId, string instructions, string report, int? lines, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [new(ChatRole.System, instructions), new(ChatRole.User, report)];
        var chatOptions = new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json };
        string? error = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await chat.GetResponseAsync(messages, chatOptions, cancellationToken);
            (var parsed, error) = SummaryJson.Parse(response.Text, lines);
            if (parsed is not null)
            {
                return parsed;
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, response.Text));
            messages.Add(new ChatMessage(ChatRole.User, $"That reply is not valid: {error}. Reply again with only the corrected JSON object."));
        }

        throw new AssayException($"Model '{modelId}' returned an invalid summary twice ({error}); try another model (setting services.summaries.model).", ExitCodes.ModelUnavailable);
    }
}
