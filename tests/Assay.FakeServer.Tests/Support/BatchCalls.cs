using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assay.Testing;

namespace Assay.FakeServer.Tests.Support;

/// <summary>Requests to the batch routes, and polling until a job has ended (in real time, briefly: jobs here last well under a second).</summary>
internal static class BatchCalls
{
    private static readonly string[] BedrockEnded = ["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"];
    private static readonly string[] OpenAiEnded = ["completed", "failed", "expired", "cancelled"];

    public static HttpRequestMessage Bedrock(HttpMethod method, string path, object? body = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : ServerHarness.Json(body) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? ServerHarness.SigV4Header());
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261122T020000Z");
        return request;
    }

    public static object BedrockJob(string modelId, string inputUri, string outputUri, string? token = null, string name = "assay-job", int? timeoutHours = null) =>
        new Dictionary<string, object?>
        {
            ["jobName"] = name,
            ["roleArn"] = "arn:aws:iam::123456789012:role/assay-batch",
            ["modelId"] = modelId,
            ["inputDataConfig"] = new { s3InputDataConfig = new { s3Uri = inputUri, s3InputFormat = "JSONL" } },
            ["outputDataConfig"] = new { s3OutputDataConfig = new { s3Uri = outputUri } },
            ["clientRequestToken"] = token,
            ["timeoutDurationInHours"] = timeoutHours,
        };

    /// <returns>The new job's ARN.</returns>
    public static async Task<string> CreateBedrockJobAsync(ServerHarness harness, object body)
    {
        using var response = await harness.Http.SendAsync(Bedrock(HttpMethod.Post, "model-invocation-job", body));
        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("jobArn").GetString()!;
    }

    public static async Task<JsonElement> GetBedrockJobAsync(ServerHarness harness, string identifier)
    {
        using var response = await harness.Http.SendAsync(Bedrock(HttpMethod.Get, "model-invocation-job/" + Uri.EscapeDataString(identifier)));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await ServerHarness.ReadJsonAsync(response);
    }

    /// <summary>Polls GetModelInvocationJob until the job has ended; <paramref name="seen"/> collects each status observed, in order.</summary>
    public static Task<JsonElement> WaitForBedrockJobAsync(ServerHarness harness, string arn, List<string>? seen = null) =>
        PollAsync(() => GetBedrockJobAsync(harness, arn), BedrockEnded, seen);

    public static HttpRequestMessage OpenAi(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : ServerHarness.Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeServerCredentials.OpenAiKey);
        return request;
    }

    public static HttpRequestMessage Upload(byte[] content, string fileName = "input.jsonl", string? purpose = "batch")
    {
        var form = new MultipartFormDataContent();
        if (purpose is not null)
        {
            form.Add(new StringContent(purpose), "purpose");
        }

        form.Add(new ByteArrayContent(content), "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeServerCredentials.OpenAiKey);
        return request;
    }

    /// <returns>The uploaded file's id.</returns>
    public static async Task<string> UploadLinesAsync(ServerHarness harness, IEnumerable<string> lines)
    {
        using var response = await harness.Http.SendAsync(Upload(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")));
        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("id").GetString()!;
    }

    /// <summary>One batch input line for the chat endpoint.</summary>
    public static string ChatLine(string customId, string text, string url = "/v1/chat/completions") => JsonSerializer.Serialize(new
    {
        custom_id = customId,
        method = "POST",
        url,
        body = new { model = "gpt-4o-mini", messages = new object[] { new { role = "system", content = "Be brief." }, new { role = "user", content = text } } },
    });

    /// <returns>The batch object.</returns>
    public static async Task<JsonElement> CreateOpenAiBatchAsync(ServerHarness harness, string fileId)
    {
        using var response = await harness.Http.SendAsync(OpenAi(HttpMethod.Post, "v1/batches", new { input_file_id = fileId, endpoint = "/v1/chat/completions", completion_window = "24h" }));
        var json = await ServerHarness.ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static async Task<JsonElement> GetOpenAiBatchAsync(ServerHarness harness, string id)
    {
        using var response = await harness.Http.SendAsync(OpenAi(HttpMethod.Get, "v1/batches/" + id));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await ServerHarness.ReadJsonAsync(response);
    }

    public static Task<JsonElement> WaitForOpenAiBatchAsync(ServerHarness harness, string id, List<string>? seen = null) =>
        PollAsync(() => GetOpenAiBatchAsync(harness, id), OpenAiEnded, seen);

    /// <returns>The file's lines, each parsed.</returns>
    public static async Task<List<JsonElement>> FileLinesAsync(ServerHarness harness, string fileId)
    {
        using var response = await harness.Http.SendAsync(OpenAi(HttpMethod.Get, $"v1/files/{fileId}/content"));
        Assert.True(response.IsSuccessStatusCode);
        return JsonLines(await response.Content.ReadAsStringAsync());
    }

    public static List<JsonElement> JsonLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement>> get, string[] ended, List<string>? seen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var json = await get();
            var status = json.GetProperty("status").GetString()!;
            if (seen is not null && (seen.Count == 0 || seen[^1] != status))
            {
                seen.Add(status);
            }

            if (ended.Contains(status))
            {
                return json;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the job is still {status} after 30 s");
            await Task.Delay(10);
        }
    }
}
