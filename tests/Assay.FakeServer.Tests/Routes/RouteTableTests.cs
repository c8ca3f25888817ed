using System.Net;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Routes;

public sealed class RouteTableTests
{
    [Fact]
    public async Task UnknownPath_Returns404ListingTheRoutes()
    {
        await using var harness = await ServerHarness.StartAsync();

        using var response = await harness.Http.GetAsync("v2/whatever");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var message = (await ServerHarness.ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("/v1/chat/completions", message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Server.Counters.Snapshot().Outcome(RequestOutcome.NotFound));
    }

    [Fact]
    public async Task ModelsList_NamesTheFake()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/models");
        request.Headers.Authorization = new("Bearer", "k");

        using var response = await harness.Http.SendAsync(request);

        var ids = (await ServerHarness.ReadJsonAsync(response)).GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString());
        Assert.All(ids, id => Assert.StartsWith("assay-fake", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_PortZero_BindsAFreeLoopbackPort()
    {
        await using var first = await ServerHarness.StartAsync();
        await using var second = await ServerHarness.StartAsync();

        Assert.Equal("127.0.0.1", first.Server.BaseUrl.Host);
        Assert.NotEqual(first.Server.BaseUrl.Port, second.Server.BaseUrl.Port);
        Assert.Equal(new Uri(first.Server.BaseUrl, "v1"), first.Server.OpenAiBaseUrl);
    }

    [Fact]
    public async Task Answers_ChangedWhileRunning_ApplyAndShowInOptions()
    {
        await using var harness = await ServerHarness.StartAsync();

        harness.Server.Answers = new Options.AnswerOptions { Mode = Options.AnswerMode.Echo };
        using var response = await harness.Http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Echo all. Of it.")));

        Assert.Equal("Echo all. Of it.", (await ServerHarness.ReadJsonAsync(response)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(Options.AnswerMode.Echo, harness.Server.Options.Answers.Mode);
    }
}
