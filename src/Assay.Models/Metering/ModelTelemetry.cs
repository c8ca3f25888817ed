using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Assay.Models.Metering;

/// <summary>
/// The model layer's OpenTelemetry names. Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c>
/// makes the span per call (GenAI conventions: <c>gen_ai.operation.name</c>,
/// <c>gen_ai.provider.name</c>, <c>gen_ai.request.model</c>, <c>gen_ai.usage.*</c>) and the
/// duration and token histograms under <see cref="SourceName"/>; the metering decorator inside it
/// adds what only Assay knows (cost at catalog prices, time to first token, attempts, cached,
/// estimated tokens) to that span and to the counters here. Nothing is recorded unless a
/// listener (the OpenTelemetry SDK, when OTEL_EXPORTER_OTLP_ENDPOINT is set) subscribes.
/// </summary>
public static class ModelTelemetry
{
    /// <summary>The activity source and meter name of model calls.</summary>
    public const string SourceName = "Assay.Models";

    /// <summary>Set to <c>1</c> to export prompt and answer text on spans (off by default; keys are never exported).</summary>
    public const string TraceContentVariable = "ASSAY_TRACE_CONTENT";

    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<double> Cost = Meter.CreateCounter<double>("assay.model.cost", "USD", "Cost of model calls at catalog prices");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("assay.model.retries", "{retry}", "Attempts beyond the first, per model call");
    private static readonly Histogram<double> FirstToken = Meter.CreateHistogram<double>("assay.model.time_to_first_token", "s", "Time to the first streamed token");

    /// <summary>Adds a call's figures to its span (when <paramref name="activity"/> is the model-call span) and to the counters.</summary>
    internal static void Record(CallMetrics metrics, Activity? activity)
    {
        var model = new KeyValuePair<string, object?>("gen_ai.request.model", metrics.ModelId);
        if (metrics.CostUsd is { } cost && Cost.Enabled)
        {
            Cost.Add((double)cost, model);
        }

        if (metrics.Attempts > 1 && Retries.Enabled)
        {
            Retries.Add(metrics.Attempts - 1, model);
        }

        if (metrics.TimeToFirstToken is { } ttft && FirstToken.Enabled)
        {
            FirstToken.Record(ttft.TotalSeconds, model);
        }

        if (activity is null || !activity.IsAllDataRequested || activity.Source.Name != SourceName)
        {
            return;
        }

        activity.SetTag("gen_ai.usage.input_tokens", metrics.InputTokens);
        activity.SetTag("gen_ai.usage.output_tokens", metrics.OutputTokens);
        activity.SetTag("assay.tokens_estimated", metrics.TokensEstimated);
        activity.SetTag("assay.attempts", metrics.Attempts);
        activity.SetTag("assay.cached", metrics.Cached);
        if (metrics.CostUsd is { } c)
        {
            activity.SetTag("assay.cost_usd", (double)c);
        }

        if (metrics.TimeToFirstToken is { } t)
        {
            activity.SetTag("assay.time_to_first_token_ms", t.TotalMilliseconds);
        }

        if (metrics.ServerLatency is { } s)
        {
            activity.SetTag("assay.server_latency_ms", s.TotalMilliseconds);
        }
    }
}
