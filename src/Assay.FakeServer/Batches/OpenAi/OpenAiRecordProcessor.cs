using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Routes;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>
/// Answers a batch's requests in input order, as far as the batch gets, with the chat route's
/// own reader and body: a success is a <c>response</c> with status 200 and a <c>chat.completion</c>
/// (the output file); a body the chat route would refuse gets its 400, an injected error a 500
/// (the error file). Requests left when the batch expires get <c>batch_expired</c>.
/// </summary>
internal sealed class OpenAiRecordProcessor
{
    private readonly IReadOnlyList<OpenAiBatchLine> requests;
    private readonly (ChatRequest? Request, string? Error, string? Param)[] inputs;
    private readonly IReadOnlySet<int> injected;
    private readonly AnswerComposer composer;
    private readonly FakeServerCounters counters;
    private readonly TimeProvider time;
    private readonly string batchId;
    private readonly List<byte[]> outputs = [];
    private readonly List<byte[]> errors = [];

    public OpenAiRecordProcessor(string batchId, IReadOnlyList<OpenAiBatchLine> requests, BatchJobPlan plan, AnswerComposer composer, FakeServerCounters counters, TimeProvider time)
    {
        this.batchId = batchId;
        this.requests = requests;
        this.composer = composer;
        this.counters = counters;
        this.time = time;
        inputs = [.. requests.Select(r =>
        {
            using var document = JsonDocument.Parse(r.BodyJson);
            return OpenAiChatRequestReader.Read(document.RootElement);
        })];
        injected = plan.ChooseRecordErrors([.. Enumerable.Range(0, requests.Count).Where(i => inputs[i].Request is not null)]);
    }

    public int Processed => outputs.Count + errors.Count;

    public int Completed => outputs.Count;

    public int Failed => errors.Count;

    /// <summary>Lines of the output file (successful requests), in input order.</summary>
    public IReadOnlyList<byte[]> Outputs => outputs;

    /// <summary>Lines of the error file, in input order.</summary>
    public IReadOnlyList<byte[]> Errors => errors;

    public void ProcessUpTo(int count)
    {
        for (var i = Processed; i < Math.Min(count, requests.Count); i++)
        {
            Process(i);
        }
    }

    /// <summary>Every request not processed goes to the error file as <c>batch_expired</c>.</summary>
    public void ExpireRest()
    {
        for (var i = Processed; i < requests.Count; i++)
        {
            var line = requests[i];
            errors.Add(Line(i, line.CustomId, null, w =>
            {
                w.WriteStartObject("error");
                w.WriteString("code", "batch_expired");
                w.WriteString("message", "This request could not be executed before the completion window expired.");
                w.WriteEndObject();
            }));
        }
    }

    private void Process(int index)
    {
        var line = requests[index];
        var (request, error, param) = inputs[index];
        if (request is null)
        {
            errors.Add(Line(index, line.CustomId, (400, w => WriteError(w, error!, "invalid_request_error", param)), NoError));
            return;
        }

        if (injected.Contains(index))
        {
            errors.Add(Line(index, line.CustomId, (500, w => WriteError(w, "The server had an error while processing your request (injected by the Assay fake server: batch.recordErrorRate).", "server_error", null)), NoError));
            return;
        }

        var answer = composer.Compose(request.LastUserMessage, request.AllTexts, request.MaxTokens);
        counters.BatchRecordAnswered(request.LastUserMessage);
        var id = "chatcmpl-fake" + BatchIds.Make(12, upper: false, "openai-completion", batchId, index);
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        outputs.Add(Line(index, line.CustomId, (200, w => OpenAiChatCompletionBody.Write(w, id, created, request, answer)), NoError));
    }

    private static void NoError(Utf8JsonWriter w) => w.WriteNull("error");

    /// <summary><c>{id, custom_id, response: {status_code, request_id, body} | null, error}</c>.</summary>
    private byte[] Line(int index, string customId, (int Status, Action<Utf8JsonWriter> Body)? response, Action<Utf8JsonWriter> error) => JsonBody.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", "batch_req_" + BatchIds.Make(24, upper: false, "openai-request", batchId, index));
        w.WriteString("custom_id", customId);
        if (response is { } r)
        {
            w.WriteStartObject("response");
            w.WriteNumber("status_code", r.Status);
            w.WriteString("request_id", "req_fake" + BatchIds.Make(24, upper: false, "openai-request-id", batchId, index));
            w.WritePropertyName("body");
            r.Body(w);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("response");
        }

        error(w);
        w.WriteEndObject();
    });

    private static void WriteError(Utf8JsonWriter w, string message, string type, string? param) =>
        w.WriteRawValue(OpenAiErrors.Body(message, type, null, param), skipInputValidation: true);
}
