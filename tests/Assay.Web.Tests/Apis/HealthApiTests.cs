using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Apis;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Health_NoKey_OkWithTheOneAssayVersion()
    {
        await using var server = await TestServer.StartAsync();
        var health = await Problems.JsonAsync(await server.Client(key: null).GetAsync(new Uri("/health", UriKind.Relative)));

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(AssayVersion.Current, health.GetProperty("version").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", AssayVersion.Current); // from Directory.Build.props, no commit suffix
    }
}
