namespace Assay.Cli.Tests.Commands;

public sealed class FakeServerCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-fake-" + Guid.NewGuid().ToString("N")[..8]);

    public FakeServerCommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task FakeServer_MisspeltSetting_ExitTwoNamingFileAndKey()
    {
        var config = Path.Combine(_folder, "faults.yaml");
        await File.WriteAllTextAsync(config, "faults:\n  rateLimt: 0.3\n");
        using var error = new StringWriter();

        var code = await AssayCommandLine.RunAsync(["fake-server", "--port", "0", "--config", config], error);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("faults.yaml", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("rateLimt", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeServer_RatesAboveOne_ExitTwoSayingWhatIsAllowed()
    {
        var config = Path.Combine(_folder, "faults.yaml");
        await File.WriteAllTextAsync(config, "faults:\n  rateLimit: 0.8\n  serverError: 0.5\n");
        using var error = new StringWriter();

        var code = await AssayCommandLine.RunAsync(["fake-server", "--port", "0", "--config", config], error);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("faults", error.ToString(), StringComparison.Ordinal);
    }
}
