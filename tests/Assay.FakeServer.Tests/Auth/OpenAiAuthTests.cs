using System.Net;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Auth;

public sealed class OpenAiAuthTests
{
    [Fact]
    public async Task Chat_NoKey_Returns401WithOpenAiErrorShape()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Hi."));
        request.Headers.Authorization = null;

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await ServerHarness.ReadJsonAsync(response)).GetProperty("error");
        Assert.Contains("API key", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Chat_KeyNotInConfiguredList_Returns401WithoutEchoingIt()
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Auth = new AuthOptions { OpenAiKeys = ["sk-right"] } });
        using var request = ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Hi."));
        request.Headers.Authorization = new("Bearer", "sk-wrong-secret");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_api_key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong-secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_AzureApiKeyHeader_IsAccepted()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var request = ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat("Hi."));
        request.Headers.Authorization = null;
        request.Headers.Add("api-key", "azure-style-key");

        using var response = await harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
