using Assay.Services.Tests.Doubles;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Hosting;

public sealed class PublicBaseUrlTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("https://assay.example.com")]
    public async Task ImageLinks_BuiltFromSettingOrListeningAddress_NeverFromHost(string? publicBaseUrl)
    {
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            o.Images.Model = "test:images";
            m.Images["test:images"] = new PngImageGenerator();
            o.PublicBaseUrl = publicBaseUrl;
        });
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/images?prompt=a+red+bicycle");
        request.Headers.Host = "evil.example";

        var json = await Problems.JsonAsync(await client.SendAsync(request));

        var url = json.GetProperty("images")[0].GetProperty("url").GetString()!;
        Assert.DoesNotContain("evil.example", url, StringComparison.Ordinal);
        Assert.StartsWith(publicBaseUrl ?? server.BaseAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PublicBaseUrlNotAbsolute_FailsNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<AssayException>(() => TestServer.StartAsync((o, _) => o.PublicBaseUrl = "assay.example.com"));

        Assert.Contains("services.publicBaseUrl", ex.Message, StringComparison.Ordinal);
    }
}
