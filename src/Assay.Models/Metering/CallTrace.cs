namespace Assay.Models.Metering;

/// <summary>
/// Keys under which the inner decorators and providers tell the metering decorator what they
/// know about a call, in <c>AdditionalProperties</c> of the response or the first update.
/// </summary>
internal static class CallTrace
{
    /// <summary>Attempts the resilience decorator made (int).</summary>
    public const string Attempts = "assay.attempts";

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the successful attempt started (long).</summary>
    public const string AttemptStarted = "assay.attempt_started";

    /// <summary>The answer came from the response cache (bool).</summary>
    public const string Cached = "assay.cached";

    /// <summary>The provider's own latency figure in milliseconds (double), e.g. Bedrock's <c>metrics.latencyMs</c>.</summary>
    public const string ServerLatencyMs = "assay.server_latency_ms";

    public static T? Get<T>(IDictionary<string, object?>? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) && value is T typed ? typed : default;
}
