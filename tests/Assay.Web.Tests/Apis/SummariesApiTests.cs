using System.Net;
using Assay.FakeServer.Options;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Apis;

public sealed class SummariesApiTests
{
    private const string Report =
        "At 07:40 the cooling pump P-204 tripped on overload. The unit is located in building 3, basement plant room. " +
        "We isolated the pump and replaced the blown fuse, but the motor bearing is noisy. A new bearing must be ordered before restart. " +
        "Production stopped on line 2, so this is urgent. The operator logged the alarm at 07:42.";

    private const string ValidJson =
        "{\"equipment\":\"Cooling pump P-204\",\"location\":\"Building 3 basement plant room\",\"problem\":\"Tripped on overload; noisy bearing\",\"actionsTaken\":\"Isolated, fuse replaced\",\"nextSteps\":\"Order a new bearing\",\"urgency\":\"high\",\"text\":\"Pump P-204 tripped and line 2 stopped.\\nA new bearing is needed before restart.\"}";

    [Fact]
    public async Task Summarize_Offline_ExtractiveFieldsFromTheReportInNLines()
    {
        await using var server = await TestServer.StartAsync();
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/summaries", new { text = Report, lines = 2 }));
        Assert.StartsWith("extractive:textrank-2", json.GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Contains("no generative model", json.GetProperty("note").GetString(), StringComparison.Ordinal);
        var lines = json.GetProperty("text").GetString()!.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains(l, Report, StringComparison.Ordinal));
        Assert.Equal("high", json.GetProperty("urgency").GetString());
        Assert.Contains("pump P-204", json.GetProperty("equipment").GetString(), StringComparison.Ordinal);
        Assert.Contains("building 3", json.GetProperty("location").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_WithModelOnFakeServer_ValidatedJsonFields()
    {
        await using var fake = await FakeModels.StartAsync(new AnswerOptions { Mode = AnswerMode.Scripted, Scripts = [new ScriptedReply("(?s).*", ValidJson)], Fallback = AnswerMode.Echo });
        await using var server = await TestServer.StartAsync((o, _) => o.Summaries.Model = fake.ModelId("fake-summarizer"));
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/summaries", new { text = Report, lines = 2 }));
        Assert.Equal("model:" + fake.ModelId("fake-summarizer"), json.GetProperty("method").GetString());
        Assert.Equal("Cooling pump P-204", json.GetProperty("equipment").GetString());
        Assert.Equal("high", json.GetProperty("urgency").GetString());
        Assert.Equal(1, json.GetProperty("chunks").GetInt32());
    }

    [Fact]
    public async Task Summarize_ModelReturnsProseTwice_502Problem()
    {
        await using var fake = await FakeModels.StartAsync(new AnswerOptions { Mode = AnswerMode.FirstSentence });
        await using var server = await TestServer.StartAsync((o, _) => o.Summaries.Model = fake.ModelId("fake-summarizer"));
        var response = await server.Client().PostAsJsonAsync("/v1/summaries", new { text = Report });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Contains("invalid summary twice", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_LongReport_ChunkedAndCombined()
    {
        var chat = Services.Tests.Doubles.ScriptedChatClient.Replies(ValidJson);
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Summaries.Model = "test:summarizer";
            o.Summaries.ChunkTokens = 100;
            m.Chat["test:summarizer"] = chat;
        });
        var longReport = string.Join(' ', Enumerable.Repeat(Report, 4));
        var json = await Problems.JsonAsync(await server.Client().PostAsJsonAsync("/v1/summaries", new { text = longReport }));
        var chunks = json.GetProperty("chunks").GetInt32();
        Assert.True(chunks > 1);
        Assert.Equal(chunks + 1, chat.Prompts.Count);
        Assert.Contains("combine them", chat.Prompts[^1][0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, "text")]
    [InlineData("Pump broke.", 0, "lines")]
    [InlineData("Pump broke.", 50, "lines")]
    public async Task Summarize_BadInput_400NamesField(string text, int? lines, string field)
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Client().PostAsJsonAsync("/v1/summaries", new { text, lines });
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, detail, StringComparison.Ordinal);
    }
}
