using System.CommandLine;
using Assay.Cli.Commands;
using Assay.Models;
using Assay.Models.Catalog;
using Assay.Models.Tokenization;
using Assay.Testing;
using Microsoft.Extensions.AI;

namespace Assay.Cli.Tests.Commands;

public sealed class ModelsCommandsTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    [Fact]
    public void WriteCatalog_ShowsPricesDatesAndStaleFlags()
    {
        using var output = new StringWriter();

        ModelsCommands.WriteCatalog(PriceCatalog.BuiltIn(), new DateOnly(2026, 11, 22), output);
        var text = output.ToString();

        Assert.Contains("bedrock:amazon.nova-lite-v1:0", text, StringComparison.Ordinal);
        Assert.Contains("0.00024", text, StringComparison.Ordinal);
        Assert.Contains("2025-04-29", text, StringComparison.Ordinal);
        Assert.Contains("yes (572 days)", text, StringComparison.Ordinal);
        Assert.Contains("older than 90 days", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_OpenAiCompatibleOverHttp_AnswerThenMeteringLine()
    {
        using var factory = CreateFactory();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new ModelsCommands.CompleteRequest($"openai-compatible:{fixture.Server.OpenAiBaseUrl}#m", "Answer me this. Then more.", null, Stream: false, new ChatOptions());

        var code = await ModelsCommands.RunCompleteAsync(factory, request, output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("Answer me this.", output.ToString().Trim());
        Assert.Matches(@"model=openai-compatible:\S+#m  latency=\d+ ms  tokens=\d+ in / \d+ out \(reported\)  cost=\$0 .*attempts=1", error.ToString());
    }

    [Fact]
    public async Task Complete_Stream_PrintsTextAndTtft()
    {
        using var factory = CreateFactory();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new ModelsCommands.CompleteRequest($"openai-compatible:{fixture.Server.OpenAiBaseUrl}#m", "Streamed words arrive. Then more.", "You are terse.", Stream: true, new ChatOptions());

        await ModelsCommands.RunCompleteAsync(factory, request, output, error, CancellationToken.None);

        Assert.Equal("Streamed words arrive.", output.ToString().Trim());
        Assert.Matches(@"ttft=\d+ ms", error.ToString());
    }

    [Theory]
    [InlineData("gemini:pro", "unknown provider 'gemini'")]
    [InlineData("gpt-4o", "malformed")]
    [InlineData("openai-compatible:http://127.0.0.1:9/v1", "base URL, '#', then the model name")]
    public async Task Complete_BadModelId_OneLineErrorExit2(string id, string expected)
    {
        using var error = new StringWriter();

        var code = await AssayCommandLine.RunAsync(["complete", "--model", id, "hello"], error);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Trim().Split('\n'));
    }

    [Fact]
    public async Task ModelsList_ThroughTheRootCommand_ExitZero()
    {
        using var output = new StringWriter();
        var parsed = AssayCommandLine.BuildRoot().Parse(["models", "list"]);

        var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, code);
        Assert.Contains("openai:gpt-4o-mini", output.ToString(), StringComparison.Ordinal);
    }

    private static ModelFactory CreateFactory() => new(new ModelFactoryOptions
    {
        Environment = _ => null,
    });
}
