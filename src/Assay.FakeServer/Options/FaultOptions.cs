namespace Assay.FakeServer.Options;

/// <summary>
/// Fault injection: each request draws one seeded random number and gets at most one fault,
/// with the given probabilities (their sum must not exceed 1). A kind that does not apply to
/// a route (a stream error on a JSON route) leaves that request unfaulted.
/// </summary>
public sealed record FaultOptions
{
    public static FaultOptions None { get; } = new();

    /// <summary>HTTP 429: OpenAI's rate-limit error, Bedrock's ThrottlingException.</summary>
    public double RateLimit { get; init; }

    /// <summary>HTTP 500: OpenAI's server_error, Bedrock's InternalServerException.</summary>
    public double ServerError { get; init; }

    /// <summary>The answer waits <see cref="SlowDelayMs"/> first, meant to exceed the client's timeout.</summary>
    public double Slow { get; init; }

    /// <summary>The connection is aborted before any response byte.</summary>
    public double ConnectionReset { get; init; }

    /// <summary>The body (JSON or stream) stops half-way and the connection is aborted.</summary>
    public double StreamCut { get; init; }

    /// <summary>HTTP 200 whose body does not parse: broken JSON, a broken SSE line, an event-stream frame with a bad CRC.</summary>
    public double MalformedBody { get; init; }

    /// <summary>Streams only: an error event half-way (an SSE <c>error</c> object; a Bedrock exception frame).</summary>
    public double StreamError { get; init; }

    public double SlowDelayMs { get; init; } = 120_000;

    /// <summary>Route names (see <see cref="RouteNames"/>) the faults apply to; empty means all.</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    public int Seed { get; init; } = 1;

    /// <summary>The probability that a request gets some fault.</summary>
    public double TotalRate => RateLimit + ServerError + Slow + ConnectionReset + StreamCut + MalformedBody + StreamError;
}
