using System.Net;
using System.Text;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Apis;

/// <summary>The HR path on the Contoso handbook PDF with the offline models (local:use-lite, extractive answers), one shared ingestion.</summary>
public sealed class HandbookRagTests(HandbookServerFixture fixture) : IClassFixture<HandbookServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Ingest_HandbookPdf_AddsThreePagesThenSkipsUnchangedFile()
    {
        var client = Server.Client();
        var bytes = await File.ReadAllBytesAsync(Handbook.PdfPath);
        var doc = fixture.FirstIngest.GetProperty("documents")[0];
        Assert.Equal("added", doc.GetProperty("status").GetString());
        Assert.Equal(3, doc.GetProperty("pages").GetInt32());
        Assert.True(doc.GetProperty("chunks").GetInt32() >= 3);

        var second = await Problems.JsonAsync(await Handbook.UploadAsync(client, "hr", "employee_handbook.pdf", bytes, "application/pdf"));
        Assert.Equal("unchanged", second.GetProperty("documents")[0].GetProperty("status").GetString());
        Assert.Equal(0, second.GetProperty("documents")[0].GetProperty("chunks").GetInt32());

        var list = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/indexes/hr/documents", UriKind.Relative)));
        Assert.Equal(doc.GetProperty("contentSha256").GetString(), list.GetProperty("documents")[0].GetProperty("contentSha256").GetString());
    }

    // BM25 and hybrid put the "20 paid vacation days" passage first; the offline sentence model alone
    // ranks the next vacation passage (page 2) just above it, so for vector mode it is asked in the top 3.
    // `assay rag eval` measures the modes on the whole question set.
    [Theory]
    [InlineData("hybrid", 1)]
    [InlineData("bm25", 1)]
    [InlineData("vector", 3)]
    public async Task Search_Handbook_VacationPassageFromPageOneNearTheTop(string mode, int within)
    {
        var client = Server.Client();
        var json = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/search", new { query = "paid vacation days", k = 3, mode }));

        Assert.Equal(mode, json.GetProperty("mode").GetString());
        var top = json.GetProperty("results").EnumerateArray().Take(within).ToList();
        Assert.Contains(top, r => r.GetProperty("page").GetInt32() == 1 && r.GetProperty("text").GetString()!.Contains("20 paid vacation days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_AnswerableQuestion_ExtractiveAnswerCitesFilePageAndQuote()
    {
        var client = Server.Client();
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "How many paid vacation days do employees get?" }));
        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Equal("extractive", answer.GetProperty("method").GetString());
        Assert.StartsWith("Extractive answer", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("employee_handbook.pdf", citation.GetProperty("file").GetString());
        Assert.Equal(1, citation.GetProperty("page").GetInt32());
        Assert.Contains("20 paid vacation days", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    // "How much maternity leave do I get?" once passed the gate on relevance alone (0.37 against the
    // parental-leave passage, which says "details are available from HR"); the gate now also needs
    // term coverage, and "maternity" appears nowhere in the handbook.
    [Theory]
    [InlineData("What is the dress code?")]
    [InlineData("Can I bring my dog to the office?")]
    [InlineData("What is the stock option vesting schedule?")]
    [InlineData("How much maternity leave do I get?")]
    public async Task Ask_QuestionTheHandbookCannotAnswer_SaysNotInTheDocuments(string question)
    {
        var client = Server.Client();
        var answer = await Problems.JsonAsync(await client.PostAsJsonAsync("/v1/indexes/hr/ask", new { question }));
        Assert.False(answer.GetProperty("found").GetBoolean(), answer.ToString());
        Assert.Equal("The documents do not contain the answer to this question.", answer.GetProperty("answer").GetString());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task OtherTenant_SameIndexName_CannotSeeOrSearchIt()
    {
        var other = Server.Client(TestServer.GlobexKey);
        await Problems.AssertProblemAsync(await other.PostAsJsonAsync("/v1/indexes/hr/search", new { query = "vacation" }), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await other.PostAsJsonAsync("/v1/indexes/hr/ask", new { question = "vacation days?" }), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await other.GetAsync(new Uri("/v1/indexes/hr/documents", UriKind.Relative)), HttpStatusCode.NotFound);

        await Handbook.UploadAsync(other, "hr", "globex-" + Guid.NewGuid().ToString("N")[..6] + ".txt", Encoding.UTF8.GetBytes("Globex staff get 35 vacation days."));
        var acme = await Problems.JsonAsync(await Server.Client().PostAsJsonAsync("/v1/indexes/hr/search", new { query = "Globex vacation days", k = 20 }));
        Assert.DoesNotContain(acme.GetProperty("results").EnumerateArray(), r => r.GetProperty("file").GetString()!.StartsWith("globex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_BadMode_400Problem()
    {
        var response = await Server.Client().PostAsync(new Uri("/v1/indexes/hr/search", UriKind.Relative), new StringContent("{\"query\":\"x\",\"mode\":\"magic\"}", Encoding.UTF8, "application/json"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
