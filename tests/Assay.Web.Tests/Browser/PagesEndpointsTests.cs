using System.Net;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Browser;

public sealed class PagesEndpointsTests
{
    [Fact]
    public async Task Shell_WithoutKey_ServedAndCarriesNoKey()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(key: null);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<label for=\"api-key\">API key</label>", html, StringComparison.Ordinal);
        var script = await client.GetStringAsync(new Uri("/ui/app.js", UriKind.Relative));
        Assert.Contains("sessionStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServer.AcmeKey, html + script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/ui/secrets.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Studies_WithoutKey_401()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/v1/studies/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Studies_FolderWithSummary_ListedAndTraversalRefused()
    {
        await using var server = await TestServer.StartAsync((o, _) =>
        {
            Directory.CreateDirectory(Path.Combine(o.DataDir, "studies", "s1"));
            File.WriteAllText(Path.Combine(o.DataDir, "studies", "s1", "summary.json"), "{\"study\":\"s1\",\"models\":[]}");
            Directory.CreateDirectory(Path.Combine(o.DataDir, "studies", "empty"));
        });
        using var client = server.Client();
        var list = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/studies/", UriKind.Relative)));
        var study = Assert.Single(list.GetProperty("studies").EnumerateArray());
        Assert.Equal("s1", study.GetProperty("name").GetString());
        Assert.True(study.GetProperty("hasSummary").GetBoolean());
        Assert.False(study.GetProperty("hasReport").GetBoolean());
        Assert.True(study.GetProperty("shared").GetBoolean());
        Assert.Contains("\"s1\"", await client.GetStringAsync(new Uri("/v1/studies/s1/summary.json", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/v1/studies/s1/report.html", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/v1/studies/..%2F..%2Fdata/summary.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/v1/studies/tenants/summary.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Studies_TenantsOwnFolders_SeenOnlyByTheirTenantSharedByAll()
    {
        await using var server = await TestServer.StartAsync((o, _) =>
        {
            foreach (var (folder, name) in new[] { (Path.Combine("tenants", "acme", "mine"), "mine"), ("shared", "shared") })
            {
                Directory.CreateDirectory(Path.Combine(o.DataDir, "studies", folder));
                File.WriteAllText(Path.Combine(o.DataDir, "studies", folder, "summary.json"), $"{{\"study\":\"{name}\",\"models\":[]}}");
            }
        });

        static async Task<List<string?>> NamesAsync(HttpClient client) =>
            (await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/studies/", UriKind.Relative)))).GetProperty("studies").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();

        using var acme = server.Client();
        using var globex = server.Client(TestServer.GlobexKey);
        Assert.Equal(["mine", "shared"], await NamesAsync(acme));
        Assert.Equal(["shared"], await NamesAsync(globex));
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(new Uri("/v1/studies/mine/summary.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync(new Uri("/v1/studies/mine/summary.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globex.GetAsync(new Uri("/v1/studies/shared/summary.json", UriKind.Relative))).StatusCode);
    }
}
