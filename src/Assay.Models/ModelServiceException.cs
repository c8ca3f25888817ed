namespace Assay.Models;

/// <summary>
/// A model service answered with an error or could not be reached. Providers translate their
/// own errors into this so the resilience decorator decides retries the same way for all:
/// throttling (HTTP 429, Bedrock <c>ThrottlingException</c>), 5xx, timeouts and dropped
/// connections are transient; anything else (a bad request, a rejected credential) is not.
/// Messages never contain credentials.
/// </summary>
public sealed class ModelServiceException : Exception
{
    public ModelServiceException(string message, int? statusCode, string? errorType, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        IsTransient = isTransient;
    }

    public ModelServiceException()
        : this("The model service failed.", null, null, false)
    {
    }

    public ModelServiceException(string message)
        : this(message, null, null, false)
    {
    }

    public ModelServiceException(string message, Exception inner)
        : this(message, null, null, false, inner)
    {
    }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's error name, e.g. <c>ThrottlingException</c>, when it gave one.</summary>
    public string? ErrorType { get; }

    public bool IsTransient { get; }

    /// <summary>How long the service asked callers to wait (its <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Reads a <c>Retry-After</c> value: whole seconds or an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, 3600));
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) && at > now
            ? TimeSpan.FromSeconds(Math.Min((at - now).TotalSeconds, 3600))
            : null;
    }

    /// <summary>
    /// Attempts made before this failure was reported, set by the resilience decorator (1 when
    /// the call was not retried), so a failed call's record carries the real count.
    /// </summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>
    /// True when the service could not be reached at all (connection refused, unknown host):
    /// retrying with backoff only delays the error, so the decorator tries once more at once.
    /// </summary>
    public bool IsUnreachable => ErrorType == UnreachableType;

    /// <summary>The <see cref="ErrorType"/> of a failure to reach the service at all.</summary>
    public const string UnreachableType = "Unreachable";

    /// <summary>True for the statuses and error names every provider uses for "try again later".</summary>
    public static bool IsTransientStatus(int? status, string? errorType) =>
        status is 408 or 425 or 429 or >= 500
        || errorType is "ThrottlingException" or "ServiceUnavailableException" or "ModelNotReadyException" or "InternalServerException" or "ModelStreamErrorException";

    /// <summary>
    /// A failure to reach <paramref name="endpoint"/> when <paramref name="ex"/> is a refused
    /// connection or an unknown host, naming the address (without credentials or query);
    /// otherwise null.
    /// </summary>
    public static ModelServiceException? Unreachable(string modelId, Uri? endpoint, Exception ex)
    {
        var reason = UnreachableReason(ex);
        if (reason is null)
        {
            return null;
        }

        var where = endpoint is null ? "its endpoint" : SafeUrl(endpoint);
        return new ModelServiceException(
            $"Model '{modelId}': cannot reach {where} ({reason})",
            null,
            UnreachableType,
            true,
            ex);
    }

    /// <summary>The address without user info, query or fragment, so no key in it is shown.</summary>
    public static string SafeUrl(Uri endpoint) =>
        endpoint.IsAbsoluteUri ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "its endpoint";

    private static string? UnreachableReason(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }:
                    return "Connection refused";
                case System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData }:
                    return "No such host";
                case System.Net.Http.HttpRequestException { HttpRequestError: System.Net.Http.HttpRequestError.NameResolutionError }:
                    return "No such host";
            }
        }

        return null;
    }

    /// <summary>A short label for error messages and metering: "429 ThrottlingException".</summary>
    public string Label => string.Join(' ', new[] { StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorType }.Where(s => !string.IsNullOrEmpty(s)));
}
