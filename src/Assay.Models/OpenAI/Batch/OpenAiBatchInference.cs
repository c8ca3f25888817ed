using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Models.Batch;

namespace Assay.Models.OpenAI.Batch;

/// <summary>
/// The OpenAI Batch API (also served by OpenAI-compatible servers that implement it): the
/// requests go up as one JSONL file (<c>POST /v1/files</c>, purpose <c>batch</c>), a batch is
/// created on <c>/v1/chat/completions</c> with a 24 h window, <c>GET /v1/batches/ID</c> is polled,
/// and the output and error files are read back line by line, joined on <c>custom_id</c>.
/// The input is spooled through a temporary file, so memory does not grow with the job.
/// </summary>
internal sealed class OpenAiBatchInference(HttpClient http, Uri endpoint, string key, string modelName, string modelId, bool officialOpenAi) : IBatchInference
{
    public async Task<string> SubmitAsync(string jobName, string idempotencyToken, IReadOnlyList<BatchRequest> requests, CancellationToken cancellationToken)
    {
        var spool = Path.GetTempFileName();
        try
        {
            await using (var file = new StreamWriter(spool, false, new UTF8Encoding(false)))
            {
                foreach (var r in requests)
                {
                    await file.WriteLineAsync(Line(r).ToJsonString().AsMemory(), cancellationToken);
                }
            }

            string fileId;
            await using (var content = File.OpenRead(spool))
            {
                using var form = new MultipartFormDataContent();
                form.Add(new StringContent("batch"), "purpose");
                var part = new StreamContent(content);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
                form.Add(part, "file", jobName + ".jsonl");
                using var uploaded = await JsonAsync(HttpMethod.Post, "files", form, cancellationToken);
                fileId = uploaded.RootElement.GetProperty("id").GetString()!;
            }

            var body = new JsonObject
            {
                ["input_file_id"] = fileId,
                ["endpoint"] = "/v1/chat/completions",
                ["completion_window"] = "24h",
                ["metadata"] = new JsonObject { ["assay_job"] = jobName, ["assay_token"] = idempotencyToken },
            };
            using var created = await JsonAsync(HttpMethod.Post, "batches", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
            return created.RootElement.GetProperty("id").GetString()!;
        }
        finally
        {
            File.Delete(spool);
        }
    }

    public async Task<BatchJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        using var json = await JsonAsync(HttpMethod.Get, "batches/" + Uri.EscapeDataString(jobId), null, cancellationToken);
        var root = json.RootElement;
        var status = root.GetProperty("status").GetString() ?? "unknown";
        var counts = root.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        int? Count(string name) => counts.ValueKind == JsonValueKind.Object && counts.TryGetProperty(name, out var n) && n.TryGetInt32(out var v) ? v : null;
        var failed = Count("failed");
        var state = status switch
        {
            "validating" => BatchJobState.Queued,
            "in_progress" or "finalizing" or "cancelling" => BatchJobState.Running,
            "completed" => failed > 0 ? BatchJobState.PartiallyCompleted : BatchJobState.Completed,
            "expired" => BatchJobState.Expired,
            "cancelled" => BatchJobState.Stopped,
            _ => BatchJobState.Failed,
        };
        return new BatchJobStatus(jobId, state, status, Errors(root)) { Total = Count("total"), Completed = Count("completed"), Failed = failed };
    }

    public async IAsyncEnumerable<BatchResult> ReadResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? output, errors;
        using (var json = await JsonAsync(HttpMethod.Get, "batches/" + Uri.EscapeDataString(jobId), null, cancellationToken))
        {
            output = json.RootElement.TryGetProperty("output_file_id", out var o) ? o.GetString() : null;
            errors = json.RootElement.TryGetProperty("error_file_id", out var e) ? e.GetString() : null;
        }

        foreach (var fileId in new[] { output, errors }.OfType<string>())
        {
            using var response = await SendAsync(HttpMethod.Get, $"files/{Uri.EscapeDataString(fileId)}/content", null, cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var lineNo = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNo++;
                if (line.Length > 0)
                {
                    yield return Parse(line, $"file {fileId} line {lineNo}");
                }
            }
        }
    }

    public void Dispose()
    {
        // The HttpClient is the factory's, shared with every other call.
    }

    private JsonObject Line(BatchRequest r)
    {
        var body = new JsonObject
        {
            ["model"] = modelName,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = r.SystemPrompt },
                new JsonObject { ["role"] = "user", ["content"] = r.Prompt }),
            [officialOpenAi ? "max_completion_tokens" : "max_tokens"] = r.MaxTokens,
            ["temperature"] = r.Temperature,
            ["top_p"] = r.TopP,
        };
        return new JsonObject { ["custom_id"] = r.RecordId, ["method"] = "POST", ["url"] = "/v1/chat/completions", ["body"] = body };
    }

    private BatchResult Parse(string line, string where)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new ModelServiceException($"Model '{modelId}': the batch {where} is not JSON ({ex.Message})", null, "MalformedResponse", false, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var id = root.TryGetProperty("custom_id", out var c) ? c.GetString() ?? string.Empty : string.Empty;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return new BatchResult(id, null, 0, 0, $"BatchRecordError {Str(error, "code")}: {Str(error, "message")}");
            }

            if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
            {
                return new BatchResult(id, null, 0, 0, $"BatchRecordError: {where} has neither a response nor an error");
            }

            var status = response.TryGetProperty("status_code", out var s) && s.TryGetInt32(out var code) ? code : 0;
            var body = response.TryGetProperty("body", out var b) ? b : default;
            if (status != 200)
            {
                var message = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? Str(e, "message") : string.Empty;
                return new BatchResult(id, null, 0, 0, $"BatchRecordError HTTP {status}: {message}");
            }

            var text = body.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0 && choices[0].TryGetProperty("message", out var m)
                ? Str(m, "content")
                : string.Empty;
            var usage = body.TryGetProperty("usage", out var u) ? u : default;
            long Tokens(string name) => usage.ValueKind == JsonValueKind.Object && usage.TryGetProperty(name, out var t) && t.TryGetInt64(out var v) ? v : -1;
            return new BatchResult(id, text, Tokens("prompt_tokens"), Tokens("completion_tokens"), null);
        }
    }

    private static string? Errors(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? string.Join("; ", data.EnumerateArray().Take(5).Select(e => (e.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? $"line {l}: " : string.Empty) + Str(e, "message")))
            : null;

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var s) ? (s.ValueKind == JsonValueKind.String ? s.GetString()! : s.ToString()) : string.Empty;

    private async Task<JsonDocument> JsonAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, content, cancellationToken);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new ModelServiceException($"Model '{modelId}': the batch API's answer to {method} /{path} is not JSON ({ex.Message})", null, "MalformedResponse", true, ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw ModelServiceException.Unreachable(modelId, endpoint, ex) ?? new ModelServiceException($"Model '{modelId}': the connection to the batch API failed ({ex.Message})", null, "ConnectionFailed", true, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw OpenAiErrors.FromStatus(modelId, (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}
