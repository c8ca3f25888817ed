using System.Net;
using System.Text;
using Assay.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assay.Web.Tests.Apis;

public sealed class RagApiTests
{

    [Fact]
    public async Task Ingest_ChangedTextFile_ReplacesItsPassages()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "notes", "policy.txt", Encoding.UTF8.GetBytes("Parking is free for staff. Bikes go in the basement.")));
        var changed = await Problems.JsonAsync(await Handbook.UploadAsync(client, "notes", "policy.txt", Encoding.UTF8.GetBytes("Parking costs five dollars a day. Bikes go in the courtyard.")));
        Assert.Equal("replaced", changed.GetProperty("documents")[0].GetProperty("status").GetString());
        var hits = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/notes/search", new { query = "parking", k = 5 }));
        var texts = hits.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
        Assert.All(texts, t => Assert.DoesNotContain("free", t, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("five dollars", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_WithAnswerModel_ModelSeesPassagesAndItsCitationsAreKept()
    {
        var chat = Services.Tests.Doubles.ScriptedChatClient.Replies("QUOTE: Contoso provides every employee with 20 paid vacation days.\nANSWER: You get 20 paid vacation days a year [1].");
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Rag.AnswerModel = "test:writer";
            m.Chat["test:writer"] = chat;
        });
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "hr", "policy.txt", Encoding.UTF8.GetBytes(PolicyText)));
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "How many paid vacation days do employees get?" }));
        Assert.Equal("model:test:writer", answer.GetProperty("method").GetString());
        Assert.Equal("You get 20 paid vacation days a year [1].", answer.GetProperty("answer").GetString());
        Assert.Equal("grounding", answer.GetProperty("check").GetString());
        Assert.Equal(1, answer.GetProperty("citations").GetArrayLength());
        var prompt = string.Join('\n', chat.Prompts.Single().Select(m => m.Text));
        Assert.Contains("20 paid vacation days", prompt, StringComparison.Ordinal);
        Assert.Contains("policy.txt, page 1", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ModelQuoteNotVerbatimInPassages_RefusedByGrounding()
    {
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Rag.AnswerModel = "test:writer";
            m.Chat["test:writer"] = Services.Tests.Doubles.ScriptedChatClient.Replies("QUOTE: Employees get 30 paid vacation days.\nANSWER: 30 days [1].");
        });
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "hr", "policy.txt", Encoding.UTF8.GetBytes(PolicyText)));
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "How many paid vacation days do employees get?" }));
        Assert.False(answer.GetProperty("found").GetBoolean());
        Assert.Equal("grounding", answer.GetProperty("check").GetString());
        Assert.Contains("not verbatim", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoAnswerModelButChatModel_UsesTheChatModelAndSaysWhy()
    {
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Chat.Model = "test:writer";
            m.Chat["test:writer"] = Services.Tests.Doubles.ScriptedChatClient.Replies("QUOTE: Contoso provides every employee with 20 paid vacation days.\nANSWER: 20 days [1].");
        });
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "hr", "policy.txt", Encoding.UTF8.GetBytes(PolicyText)));
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "How many paid vacation days do employees get?" }));
        Assert.Equal("model:test:writer", answer.GetProperty("method").GetString());
        Assert.StartsWith("services.chat.model", answer.GetProperty("modelSetting").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CitedPageWithQuote_ReturnsThePageTextWithTheQuoteMarked()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "hr", "policy.txt", Encoding.UTF8.GetBytes(PolicyText)));
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "How many paid vacation days do employees get?" }));
        var citation = answer.GetProperty("citations")[0];
        var quote = citation.GetProperty("quote").GetString()!;

        var page = await Problems.JsonAsync(await client.GetAsync($"/v1/indexes/hr/pages?file=policy.txt&page={citation.GetProperty("page").GetInt32()}&quote={Uri.EscapeDataString(quote)}"));

        var text = page.GetProperty("text").GetString()!;
        var mark = page.GetProperty("marks")[0];
        Assert.Equal(quote, text.Substring(mark.GetProperty("start").GetInt32(), mark.GetProperty("length").GetInt32()));
        var missing = await client.GetAsync("/v1/indexes/hr/pages?file=policy.txt&page=9");
        await Problems.AssertProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ask_ModelRepliesNotInDocuments_FoundFalse()
    {
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Rag.AnswerModel = "test:writer";
            m.Chat["test:writer"] = Services.Tests.Doubles.ScriptedChatClient.Replies("NOT_IN_DOCUMENTS");
        });
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "hr", "policy.txt", Encoding.UTF8.GetBytes(PolicyText)));
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "How many paid vacation days do employees get?" }));
        Assert.False(answer.GetProperty("found").GetBoolean());
    }

    [Theory]
    [InlineData("broken.pdf", "%PDF-1.7\nthis is not really a pdf")]
    [InlineData("fake.pdf", "hello, I am text")]
    [InlineData("fake.docx", "PK not a zip")]
    [InlineData("virus.exe", "MZ")]
    public async Task Ingest_MalformedOrUnsupportedFile_400ProblemNamingTheFile(string fileName, string content)
    {
        await using var server = await TestServer.StartAsync();
        var response = await Handbook.UploadAsync(server.Client(), "hr", fileName, Encoding.UTF8.GetBytes(content));
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(fileName, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FileNameWithTraversal_StoredUnderItsBareName()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await Handbook.UploadAsync(server.Client(), "hr", "../../../etc/passwd.txt", Encoding.UTF8.GetBytes("Root is not here. Nothing to see.")));
        Assert.Equal("passwd.txt", json.GetProperty("documents")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Ingest_PdfWithoutPoppler_503NamesThePackage()
    {
        await using var server = await TestServer.StartAsync((o, _) => o.Rag.PopplerDir = "/nonexistent-poppler");
        var response = await Handbook.UploadAsync(server.Client(), "hr", "employee_handbook.pdf", await File.ReadAllBytesAsync(Handbook.PdfPath));
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("poppler-utils", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_DocxAndMarkdown_Searchable()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.Client();
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "mixed", "travel.docx", Docx("Travel policy.", "Economy class is required for flights under six hours.")));
        await Problems.JsonAsync(await Handbook.UploadAsync(client, "mixed", "laptops.md", Encoding.UTF8.GetBytes("# Laptops\n\nEvery engineer gets a **laptop** refresh every three years.\n\n- Return the old one to IT.\n")));
        var flights = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/mixed/search", new { query = "economy flights", k = 1 }));
        Assert.Equal("travel.docx", flights.GetProperty("results")[0].GetProperty("file").GetString());
        var laptops = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/mixed/search", new { query = "laptop refresh", k = 1 }));
        var text = laptops.GetProperty("results")[0].GetProperty("text").GetString()!;
        Assert.Contains("laptop refresh every three years", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RawBodyLabelledUrlEncoded_TreatedAsTheDocument()
    {
        await using var server = await TestServer.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(PolicyText + " " + new string('z', 3000)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var json = await Problems.JsonAsync(await server.Client().PostAsync(new Uri("/v1/indexes/hr/documents?fileName=policy.txt", UriKind.Relative), content));
        Assert.Equal("added", json.GetProperty("documents")[0].GetProperty("status").GetString());
    }

    private const string PolicyText = "Contoso provides every employee with 20 paid vacation days. Sick leave covers illness and medical appointments. Give two weeks of notice when you resign.";

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        }

        return stream.ToArray();
    }

}
