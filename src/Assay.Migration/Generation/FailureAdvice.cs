namespace Assay.Migration.Generation;

/// <summary>
/// What to do about a model's failures, by their kind, read from the last error: an unreachable
/// service names the address, rejected credentials name the setting, throttling names the
/// study's concurrency and requestsPerMinute.
/// </summary>
internal static class FailureAdvice
{
    public static string For(string? error, string modelId)
    {
        var e = error ?? string.Empty;
        if (Has(e, "Connection refused") || Has(e, "No such host") || Has(e, "Name or service not known") || Has(e, "nodename nor servname") || Has(e, "No route to host"))
        {
            return $"the service of '{modelId}' cannot be reached: check the address in the model id (host and port) and that the service is running";
        }

        if (Has(e, "401") || Has(e, "403") || Has(e, "Unauthorized") || Has(e, "Forbidden") || Has(e, "AccessDenied") || Has(e, "UnrecognizedClient"))
        {
            return $"the credentials of '{modelId}' were rejected: check the credentials setting (the API key or AWS credentials the model id uses, e.g. its environment variable)";
        }

        if (Has(e, "429") || Has(e, "Throttling") || Has(e, "Too Many Requests") || Has(e, "rate limit"))
        {
            return "the service kept throttling: lower 'concurrency' or set 'requestsPerMinute' in the study file, then run again with --resume";
        }

        return "check the model id, its credentials and that the service is reachable, then run again with --resume";
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
