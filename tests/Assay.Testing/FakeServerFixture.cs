using Assay.FakeServer;
using Assay.FakeServer.Options;
using Xunit;

namespace Assay.Testing;

/// <summary>
/// Starts one <see cref="FakeModelServer"/> on a free loopback port for a test class
/// (<c>IClassFixture&lt;FakeServerFixture&gt;</c>) and stops it afterwards. No latency and no
/// faults unless a test sets <see cref="FakeModelServer.Faults"/> or <see cref="FakeModelServer.Latency"/>;
/// a test that changes them should restore <see cref="FakeServerOptions"/> defaults or use its own server.
/// </summary>
public class FakeServerFixture : IAsyncLifetime
{
    private FakeModelServer? server;

    public FakeModelServer Server => server ?? throw new InvalidOperationException("the fake server has not started");

    /// <summary>Override to start the server with other settings. By default the server verifies SigV4 signatures made with <see cref="FakeServerCredentials"/>.</summary>
    protected virtual FakeServerOptions Options => new() { Auth = new AuthOptions { AwsSecretKeys = FakeServerCredentials.AwsSecretKeys } };

    public async Task InitializeAsync() => server = await FakeModelServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
