using System.Net;
using System.Text.RegularExpressions;
using Assay.Web.Security;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Security;

public sealed partial class SecurityHeadersMiddlewareTests
{
    [Theory]
    [InlineData("/health", null, "api")]
    [InlineData("/", null, "pages")]
    [InlineData("/ui/app.js", null, "pages")]
    [InlineData("/v1/studies/", "none", "api")]
    [InlineData("/v1/indexes/HR/documents", TestServer.AcmeKey, "api")]
    [InlineData("/no/such/route", TestServer.AcmeKey, "api")]
    public async Task AnyResponse_CarriesSecurityHeaders(string path, string? key, string kind)
    {
        var policy = kind == "pages" ? SecurityHeadersMiddleware.PagesPolicy : SecurityHeadersMiddleware.ApiPolicy;
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(key == "none" ? null : key);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(policy, csp);
        Assert.Contains("frame-ancestors", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptsOrHandlers_SoTheirPolicyCanForbidThem()
    {
        await using var server = await TestServer.StartAsync();
        var html = await server.Client(null).GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
        // Scripts: the pages' own files, and inline code only by the hash of a study report's review script.
        var scripts = Regex.Match(SecurityHeadersMiddleware.PagesPolicy, "script-src ([^;]*);").Groups[1].Value.Split(' ');
        Assert.Equal("'self'", scripts[0]);
        Assert.All(scripts.Skip(1), s => Assert.StartsWith("'sha256-", s, StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [Fact]
    public async Task NoKey_LargeBody_401BeforeTheSizeIsLookedAt()
    {
        await using var server = await TestServer.StartAsync();
        using var content = new ByteArrayContent(new byte[2_000_000]);
        content.Headers.ContentType = new("application/json");

        using var response = await server.Client(null).PostAsync(new Uri("/v1/summaries", UriKind.Relative), content);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
