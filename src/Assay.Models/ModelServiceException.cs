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

    /// <summary>True for the statuses and error names every provider uses for "try again later".</summary>
    public static bool IsTransientStatus(int? status, string? errorType) =>
        status is 408 or 425 or 429 or >= 500
        || errorType is "ThrottlingException" or "ServiceUnavailableException" or "ModelNotReadyException" or "InternalServerException" or "ModelStreamErrorException";

    /// <summary>A short label for error messages and metering: "429 ThrottlingException".</summary>
    public string Label => string.Join(' ', new[] { StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorType }.Where(s => !string.IsNullOrEmpty(s)));
}
