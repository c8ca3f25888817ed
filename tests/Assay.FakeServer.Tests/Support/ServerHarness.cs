using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Testing;

namespace Assay.FakeServer.Tests.Support;

/// <summary>A started server plus an HttpClient pointed at it, for one test.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private ServerHarness(FakeModelServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(20) };
    }

    public FakeModelServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<ServerHarness> StartAsync(FakeServerOptions? options = null, TimeProvider? time = null) =>
        new(await FakeModelServer.StartAsync(options ?? new FakeServerOptions(), default, time));

    /// <summary>A SigV4-shaped Authorization header (the fake checks its form; the signature is made up).</summary>
    public static string SigV4Header(string date = "20261122", string service = "bedrock") =>
        $"AWS4-HMAC-SHA256 Credential={FakeServerCredentials.AwsAccessKeyId}/{date}/us-east-1/{service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={new string('a', 64)}";

    public static HttpRequestMessage OpenAi(string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeServerCredentials.OpenAiKey);
        return request;
    }

    public static HttpRequestMessage Bedrock(string path, object body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? SigV4Header());
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261122T020000Z");
        return request;
    }

    public static object Chat(string text, bool stream = false, bool includeUsage = false, int? maxTokens = null) => new Dictionary<string, object?>
    {
        ["model"] = "gpt-4o-mini",
        ["messages"] = new object[] { new { role = "system", content = "Be brief." }, new { role = "user", content = text } },
        ["stream"] = stream,
        ["stream_options"] = includeUsage ? new { include_usage = true } : null,
        ["max_tokens"] = maxTokens,
    };

    public static object Converse(string text, int? maxTokens = null) => new Dictionary<string, object?>
    {
        ["messages"] = new object[] { new { role = "user", content = new object[] { new { text } } } },
        ["system"] = new object[] { new { text = "Be brief." } },
        ["inferenceConfig"] = maxTokens is null ? null : new { maxTokens },
    };

    public static StringContent Json(object body) => new(
        JsonSerializer.Serialize(body, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }),
        Encoding.UTF8,
        "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
