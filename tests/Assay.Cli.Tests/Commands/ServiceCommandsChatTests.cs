using System.CommandLine;

namespace Assay.Cli.Tests.Commands;

/// <summary><c>assay chat</c> through the command line, offline (no services.chat.model in the config).</summary>
public sealed class ServiceCommandsChatTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-cli-chat-" + Guid.NewGuid().ToString("N")[..8]);

    public ServiceCommandsChatTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Config, "services:\n  dataDir: data\n");
    }

    private string Config => Path.Combine(_folder, "assay.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Chat_NoModelConfigured_RecallsThisConversationAndPrintsTheMethod()
    {
        await ChatAsync("a", "My locker code is 3390.");
        await ChatAsync("b", "My locker was repainted green.");

        var (code, output, error) = await ChatAsync("a", "What is my locker code?");

        Assert.Equal(0, code);
        Assert.StartsWith("Offline chat (memory-recall, no chat model configured): from earlier in this conversation:", output, StringComparison.Ordinal);
        Assert.Contains("\"My locker code is 3390.\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("repainted", output, StringComparison.Ordinal);
        Assert.Contains("[offline: memory-recall (no chat model configured; the answer quotes, nothing was generated), memory last-k, 2 earlier messages in the prompt]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_UnknownOfflineMethod_OneLineErrorNamingTheSetting()
    {
        File.WriteAllText(Config, "services:\n  dataDir: data\n  chat:\n    offline: oracle\n");
        using var error = new StringWriter();

        var code = await AssayCommandLine.RunAsync(["chat", "hello", "--config", Config], error);

        Assert.Equal(ExitCodes.SetupMissing, code);
        Assert.Contains("services.chat.offline is 'oracle'", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Trim().Split('\n'));
    }

    private async Task<(int Code, string Output, string Error)> ChatAsync(string conversation, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parsed = AssayCommandLine.BuildRoot().Parse(["chat", message, "--conversation", conversation, "--config", Config]);
        var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
