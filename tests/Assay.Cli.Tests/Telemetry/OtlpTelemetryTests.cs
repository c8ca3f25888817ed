using Assay.Cli.Telemetry;
using Assay.FakeServer;
using Assay.Migration;
using Assay.Testing;
using Microsoft.Extensions.AI;

namespace Assay.Cli.Tests.Telemetry;

/// <summary>The command line's OpenTelemetry set-up, against an in-process OTLP/HTTP receiver and the fake model server.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpTelemetryTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    private FakeModelServer Server => fixture.Server;

    [Fact]
    public async Task Start_EndpointSet_ModelCallSpanWithGenAiAttributesAndStageSpanAndMetrics()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var model = $"telemetry-{Guid.NewGuid():N}";
        var prompt = $"Secret prompt {Guid.NewGuid():N}. Second sentence.";
        using (var telemetry = OtlpTelemetry.Start(Env(("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.BaseUrl.ToString()), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"))))
        {
            Assert.NotNull(telemetry);
            using var factory = ModelWiring.Create(requirePrices: false);
            using (MigrationTelemetry.Stage("generate"))
            {
                await factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#{model}").GetResponseAsync(prompt);
            }
        }

        var call = Assert.Single(receiver.Spans, s => Equals(s.Attributes.GetValueOrDefault("gen_ai.request.model"), model));
        Assert.Equal("Assay.Models", call.Scope);
        Assert.Equal("chat", call.Attributes["gen_ai.operation.name"]);
        Assert.Equal("openai", call.Attributes["gen_ai.provider.name"]);
        Assert.True((long)call.Attributes["gen_ai.usage.input_tokens"]! > 0);
        Assert.True((long)call.Attributes["gen_ai.usage.output_tokens"]! > 0);
        Assert.Equal(1L, call.Attributes["assay.attempts"]);
        Assert.Contains(receiver.Spans, s => s.Name == "assay.study.generate" && s.Scope == MigrationTelemetry.SourceName);
        Assert.True(receiver.MetricRequests > 0);
        // Text is exported only with ASSAY_TRACE_CONTENT=1, which this process does not set.
        Assert.DoesNotContain(receiver.TraceBodies, b => System.Text.Encoding.UTF8.GetString(b).Contains(prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_EndpointUnset_NothingSetUpAndNothingSent()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        using var telemetry = OtlpTelemetry.Start(Env(("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")));
        using var factory = ModelWiring.Create(requirePrices: false);
        await factory.CreateChatClient($"openai-compatible:{Server.OpenAiBaseUrl}#quiet").GetResponseAsync("Quiet call. Second.");

        Assert.Null(telemetry);
        Assert.Empty(receiver.TraceBodies);
        Assert.Equal(0, receiver.MetricRequests);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "grpc or http/protobuf")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4318", "not an http(s) URL")]
    public void Start_BadSetting_BadInputNamingTheVariable(string variable, string value, string says)
    {
        var environment = variable == "OTEL_EXPORTER_OTLP_ENDPOINT"
            ? Env((variable, value))
            : Env(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), (variable, value));

        var ex = Assert.Throws<AssayException>(() => OtlpTelemetry.Start(environment));

        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}

/// <summary>The exporter listens process-wide, so the telemetry tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
