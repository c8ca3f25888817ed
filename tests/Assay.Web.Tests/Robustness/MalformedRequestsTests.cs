using System.Net;
using System.Text;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Robustness;

/// <summary>
/// Malformed request bodies and names, data-driven: each must get its 4xx ProblemDetails naming
/// the field (never a 500 or a stack trace), and must leave the data folder as it was.
/// </summary>
public sealed class MalformedRequestsTests(MalformedRequestsTests.Server fixture) : IClassFixture<MalformedRequestsTests.Server>
{
    private const string Json = "application/json";
    private const string Boundary = "----assayprobe";
    private const string Multipart = "multipart/form-data; boundary=" + Boundary;

    public static TheoryData<string, string, string, string, byte[], int, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, byte[], int, string>();
        void Add(string name, string method, string path, string type, byte[] body, int status, string mentions) => data.Add(name, method, path, type, body, status, mentions);
        void AddJson(string name, string path, string body, int status, string mentions) => Add(name, "POST", path, Json, Encoding.UTF8.GetBytes(body), status, mentions);
        void AddBytes(string name, string path, byte[] prefix, byte[] bad, byte[] suffix, string mentions) => Add(name, "POST", path, Json, [.. prefix, .. bad, .. suffix], 400, mentions);

        // Invalid UTF-8 and unpaired surrogates, in every JSON route's text fields.
        byte[][] badUtf8 = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        string[] surrogates = [@"\ud800", @"\udc00", @"\ud800x", @"x\udfff", @"\ud83d\ud83d"];
        (string Path, string Field)[] textFields =
        [
            ("/v1/embeddings", "input"),
            ("/v1/summaries", "text"),
            ("/v1/chats/c1/messages", "message"),
            ("/v1/indexes/hr/search", "query"),
            ("/v1/indexes/hr/ask", "question"),
            ("/v1/images", "prompt"),
        ];
        foreach (var (path, field) in textFields)
        {
            for (var i = 0; i < badUtf8.Length; i++)
            {
                AddBytes($"utf8-{field}-{i}", path, Encoding.UTF8.GetBytes($"{{\"{field}\":\"a"), badUtf8[i], Encoding.UTF8.GetBytes("\"}"), field);
            }

            for (var i = 0; i < surrogates.Length; i++)
            {
                AddJson($"surrogate-{field}-{i}", path, $"{{\"{field}\":\"{surrogates[i]}\"}}", 400, field);
            }
        }

        AddBytes("utf8-in-array", "/v1/embeddings", Encoding.UTF8.GetBytes("{\"input\":[\"ok\",\""), [0xFF], Encoding.UTF8.GetBytes("\"]}"), "input");
        AddJson("surrogate-in-array", "/v1/embeddings", "{\"input\":[\"ok\",\"\\ud800\"]}", 400, "input");
        AddJson("surrogate-in-key", "/v1/embeddings", "{\"\\ud800\":1,\"input\":\"x\"}", 400, "not valid JSON text");

        // Numbers sent as text, text sent as numbers, out-of-range enums: refused as the schema says.
        AddJson("dimensions-as-string", "/v1/embeddings", "{\"input\":\"x\",\"dimensions\":\"64\"}", 400, "dimensions");
        AddJson("normalize-as-string", "/v1/embeddings", "{\"input\":\"x\",\"normalize\":\"true\"}", 400, "normalize");
        AddJson("dimensions-fraction", "/v1/embeddings", "{\"input\":\"x\",\"dimensions\":1.5}", 400, "dimensions");
        AddJson("dimensions-huge", "/v1/embeddings", "{\"input\":\"x\",\"dimensions\":1e30}", 400, "dimensions");
        AddJson("lines-as-string", "/v1/summaries", "{\"text\":\"a. b.\",\"lines\":\"3\"}", 400, "lines");
        AddJson("text-as-number", "/v1/summaries", "{\"text\":5}", 400, "text");
        AddJson("stream-as-string", "/v1/chats/c1/messages", "{\"message\":\"hi\",\"stream\":\"yes\"}", 400, "stream");
        AddJson("message-as-object", "/v1/chats/c1/messages", "{\"message\":{}}", 400, "message");
        AddJson("mode-99", "/v1/indexes/hr/search", "{\"query\":\"x\",\"mode\":99}", 400, "'hybrid', 'bm25', 'vector'");
        AddJson("mode-0", "/v1/indexes/hr/search", "{\"query\":\"x\",\"mode\":0}", 400, "mode");
        AddJson("mode-unknown", "/v1/indexes/hr/search", "{\"query\":\"x\",\"mode\":\"telepathy\"}", 400, "mode");
        AddJson("mode-as-number-string", "/v1/indexes/hr/search", "{\"query\":\"x\",\"mode\":\"99\"}", 400, "mode");
        AddJson("k-as-string", "/v1/indexes/hr/search", "{\"query\":\"x\",\"k\":\"5\"}", 400, "k");
        AddJson("count-as-string", "/v1/images", "{\"prompt\":\"a cat\",\"count\":\"2\"}", 400, "count");
        AddJson("seed-as-string", "/v1/images", "{\"prompt\":\"a cat\",\"seed\":\"7\"}", 400, "seed");
        AddJson("cfg-as-string", "/v1/images", "{\"prompt\":\"a cat\",\"cfgScale\":\"7\"}", 400, "cfgScale");

        // Broken JSON syntax.
        AddJson("truncated", "/v1/embeddings", "{\"input\":", 400, "JSON");
        AddJson("not-json", "/v1/summaries", "hello", 400, "JSON");
        AddJson("trailing-garbage", "/v1/summaries", "{\"text\":\"a\"} x", 400, "JSON");
        AddJson("comment", "/v1/summaries", "{/*c*/\"text\":\"a\"}", 400, "JSON");
        AddJson("single-quotes", "/v1/summaries", "{'text':'a'}", 400, "JSON");
        AddJson("nan", "/v1/embeddings", "{\"input\":\"x\",\"dimensions\":NaN}", 400, "JSON");
        AddJson("deep-nesting", "/v1/embeddings", "{\"input\":" + new string('[', 200) + new string(']', 200) + "}", 400, "JSON");
        AddJson("root-array", "/v1/summaries", "[]", 400, "JSON");
        AddJson("unclosed-string", "/v1/chats/c1/messages", "{\"message\":\"hi}", 400, "JSON");

        // Names that would become paths: the one name rule, anchored at the very end.
        AddJson("index-newline", "/v1/indexes/hr%0A/search", "{\"query\":\"x\"}", 400, "Index name");
        AddJson("index-upper", "/v1/indexes/HR/search", "{\"query\":\"x\"}", 400, "Index name");
        AddJson("index-leading-dash", "/v1/indexes/-hr/search", "{\"query\":\"x\"}", 400, "Index name");
        AddJson("index-space", "/v1/indexes/h%20r/ask", "{\"question\":\"x\"}", 400, "Index name");
        AddJson("conversation-newline", "/v1/chats/c1%0A/messages", "{\"message\":\"hi\"}", 400, "Conversation id");
        AddJson("conversation-space", "/v1/chats/c%201/messages", "{\"message\":\"hi\"}", 400, "Conversation id");

        // Broken multipart bodies on both upload routes.
        var part = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello";
        foreach (var path in new[] { "/v1/indexes/hr/documents", "/v1/studies/runs" })
        {
            var route = path.Contains("studies", StringComparison.Ordinal) ? "studies" : "docs";
            Add($"multipart-unterminated-{route}", "POST", path, Multipart, Encoding.UTF8.GetBytes(part), 400, "multipart");
            Add($"multipart-no-headers-end-{route}", "POST", path, Multipart, Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\""), 400, "multipart");
            Add($"multipart-wrong-boundary-{route}", "POST", path, Multipart, Encoding.UTF8.GetBytes("--other\r\n\r\nx\r\n--other--\r\n"), 400, "multipart");
            Add($"multipart-no-boundary-{route}", "POST", path, "multipart/form-data", Encoding.UTF8.GetBytes(part + $"\r\n--{Boundary}--\r\n"), 400, "boundary");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedRequest_Answers4xxProblemNamingTheFieldAndChangesNothing(string name, string method, string path, string type, byte[] body, int status, string mentions)
    {
        var before = Snapshot(fixture.Instance.DataDir);
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };

        using var response = await fixture.Client.SendAsync(request);

        var detail = await Problems.AssertProblemAsync(response, (HttpStatusCode)status);
        Assert.True(detail.Contains(mentions, StringComparison.Ordinal), $"{name}: '{detail}' does not mention '{mentions}'");
        Assert.Equal(before, Snapshot(fixture.Instance.DataDir));
    }

    [Fact]
    public void Cases_AtLeastSeventy() => Assert.True(Cases().Count >= 70, $"{Cases().Count} cases");

    private static string[] Snapshot(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => $"{f}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal)] : [];

    /// <summary>One server for every case: the cases must not change its data, so sharing it is part of the check.</summary>
    public sealed class Server : IAsyncLifetime
    {
        internal TestServer Instance { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Instance = await TestServer.StartAsync();
            Client = Instance.Client();
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await Instance.DisposeAsync();
        }
    }
}
