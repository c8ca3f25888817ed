using System.Diagnostics;

namespace Assay.Migration;

/// <summary>
/// A span per study stage (<c>assay.study.pair</c>, <c>check</c>, <c>generate</c>, <c>evaluate</c>,
/// <c>decide</c>, <c>report</c>) under the activity source <see cref="SourceName"/>; the model
/// calls a stage makes nest under it. Nothing is recorded unless a listener (the OpenTelemetry
/// SDK, when OTEL_EXPORTER_OTLP_ENDPOINT is set) subscribes.
/// </summary>
public static class MigrationTelemetry
{
    public const string SourceName = "Assay.Migration";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the stage's span (null when nobody listens); dispose it when the stage ends.</summary>
    public static Activity? Stage(string stage)
    {
        var activity = Source.StartActivity("assay.study." + stage);
        activity?.SetTag("assay.study.stage", stage);
        return activity;
    }
}
