using System.Net;
using Assay.FakeServer.Tests.Support;
using Assay.Testing;

namespace Assay.FakeServer.Tests;

/// <summary>The shared fixture other test projects use starts a working server.</summary>
public sealed class FakeServerFixtureTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    [Fact]
    public async Task Fixture_Server_AnswersWithTheSharedCredentials()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };

        using var response = await http.SendAsync(ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Fixture works. Yes.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fixture works.", (await ServerHarness.ReadJsonAsync(response)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }
}
