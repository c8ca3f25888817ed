using System.Reflection;
using Assay.Migration;
using Assay.Models.Metering;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Assay.Cli.Telemetry;

/// <summary>
/// OpenTelemetry for every command, switched on by the standard variables: with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, spans (model calls, study stages, server requests)
/// and metrics (call duration, tokens, cost, retries) go to that OTLP endpoint over
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>http/protobuf</c>, the default, or <c>grpc</c>);
/// unset, nothing is set up and nothing is exported. <c>OTEL_SERVICE_NAME</c> names the service
/// (default <c>assay</c>); <c>OTEL_EXPORTER_OTLP_HEADERS</c> is read by the exporter itself.
/// Prompt and answer text are on spans only with ASSAY_TRACE_CONTENT=1 (the model layer decides);
/// credentials never are.
/// </summary>
internal sealed class OtlpTelemetry : IDisposable
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    // Spans: the model layer (Microsoft.Extensions.AI's UseOpenTelemetry), the study stages, and
    // ASP.NET Core's own server request activities (assay serve).
    private static readonly string[] Sources = [ModelTelemetry.SourceName, MigrationTelemetry.SourceName, "Microsoft.AspNetCore"];

    // Metrics: gen_ai.client.operation.duration and gen_ai.client.token.usage plus Assay's cost and
    // retry counters (all under the model layer's meter), and the server's request duration.
    private static readonly string[] Meters = [ModelTelemetry.SourceName, "Microsoft.AspNetCore.Hosting"];

    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    private OtlpTelemetry(TracerProvider tracer, MeterProvider meter)
    {
        _tracer = tracer;
        _meter = meter;
    }

    /// <summary>Starts exporting when the endpoint variable is set; null (nothing exported) when it is not.</summary>
    public static OtlpTelemetry? Start(Func<string, string?> environment)
    {
        var endpointText = environment(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpointText))
        {
            return null;
        }

        if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new AssayException($"{EndpointVariable} is not an http(s) URL: set it to the collector's base address, e.g. http://127.0.0.1:4318, or unset it.", ExitCodes.BadInput);
        }

        var protocol = (environment(ProtocolVariable)?.Trim()) switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new AssayException($"{ProtocolVariable} is '{other}': use grpc or http/protobuf (or unset it for http/protobuf).", ExitCodes.BadInput),
        };

        var version = typeof(OtlpTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var service = environment(ServiceNameVariable) is { Length: > 0 } name ? name : "assay";
        void Resource(ResourceBuilder r) => r.AddService(service, serviceVersion: version);

        var tracer = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(Resource)
            .AddSource(Sources)
            .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/traces"))
            .Build();
        var meter = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(Resource)
            .AddMeter(Meters)
            .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/metrics"))
            .Build();
        return new OtlpTelemetry(tracer, meter);
    }

    /// <summary>Sends what is still buffered, then stops (a short command ends before the batch timer fires).</summary>
    public void Dispose()
    {
        _tracer.ForceFlush(5000);
        _meter.ForceFlush(5000);
        _tracer.Dispose();
        _meter.Dispose();
    }

    // Over HTTP the base endpoint gets the signal's path, as the specification says for the
    // OTEL_EXPORTER_OTLP_ENDPOINT variable; over gRPC it is used as it is.
    private static void Configure(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }
}
