using System.Text.RegularExpressions;

namespace Assay.FakeServer.Options;

/// <summary>
/// Checks settings and names each bad one by its YAML path (<c>faults.rateLimit</c>), so the
/// same message serves the code API and the config file.
/// </summary>
internal static class OptionsValidator
{
    public static List<string> Check(FakeServerOptions options)
    {
        var errors = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"port must be between 0 and 65535 (got {options.Port})");
        }

        if (options.OpenAiEmbeddingDimensions is < 1 or > 65536)
        {
            errors.Add($"openAiEmbeddingDimensions must be between 1 and 65536 (got {options.OpenAiEmbeddingDimensions})");
        }

        CheckAnswers(options.Answers, errors);
        CheckLatency(options.Latency, errors);
        CheckFaults(options.Faults, errors);
        CheckBatch(options.Batch, errors);
        return errors;
    }

    public static void CheckAnswers(AnswerOptions answers, List<string> errors)
    {
        if (answers.Fallback == AnswerMode.Scripted)
        {
            errors.Add("answers.fallback must be echo or first-sentence, not scripted");
        }

        if (answers.Mode == AnswerMode.Scripted && answers.Scripts.Count == 0)
        {
            errors.Add("answers.scripts must list at least one {pattern, reply} when answers.mode is scripted");
        }

        for (var i = 0; i < answers.Scripts.Count; i++)
        {
            var script = answers.Scripts[i];
            if (string.IsNullOrEmpty(script.Pattern))
            {
                errors.Add($"answers.scripts[{i}].pattern is empty: give a regular expression");
                continue;
            }

            try
            {
                _ = new Regex(script.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"answers.scripts[{i}].pattern is not a valid regular expression: {ex.Message}");
            }

            if (script.Reply is null)
            {
                errors.Add($"answers.scripts[{i}].reply is missing");
            }
        }
    }

    public static void CheckLatency(LatencyOptions latency, List<string> errors)
    {
        NonNegative(latency.FixedMs, "latency.fixedMs", errors);
        NonNegative(latency.MinMs, "latency.minMs", errors);
        NonNegative(latency.MaxMs, "latency.maxMs", errors);
        NonNegative(latency.MedianMs, "latency.medianMs", errors);
        NonNegative(latency.OutputTokensPerSecond, "latency.outputTokensPerSecond", errors);
        if (latency.Distribution == LatencyDistribution.Uniform && latency.MaxMs < latency.MinMs)
        {
            errors.Add($"latency.maxMs ({latency.MaxMs}) must not be below latency.minMs ({latency.MinMs})");
        }

        if (latency.Distribution == LatencyDistribution.LogNormal)
        {
            if (latency.MedianMs <= 0)
            {
                errors.Add("latency.medianMs must be above 0 for the lognormal distribution");
            }

            if (latency.Sigma is < 0 or > 5 || double.IsNaN(latency.Sigma))
            {
                errors.Add($"latency.sigma must be between 0 and 5 (got {latency.Sigma})");
            }
        }
    }

    public static void CheckFaults(FaultOptions faults, List<string> errors)
    {
        Rate(faults.RateLimit, "faults.rateLimit", errors);
        Rate(faults.ServerError, "faults.serverError", errors);
        Rate(faults.Slow, "faults.slow", errors);
        Rate(faults.ConnectionReset, "faults.connectionReset", errors);
        Rate(faults.StreamCut, "faults.streamCut", errors);
        Rate(faults.MalformedBody, "faults.malformedBody", errors);
        Rate(faults.StreamError, "faults.streamError", errors);
        if (faults.TotalRate > 1 + 1e-9)
        {
            errors.Add($"the fault rates add up to {faults.TotalRate:0.###}: their sum must not exceed 1");
        }

        NonNegative(faults.SlowDelayMs, "faults.slowDelayMs", errors);
        for (var i = 0; i < faults.Routes.Count; i++)
        {
            if (!RouteNames.All.Contains(faults.Routes[i]))
            {
                errors.Add($"faults.routes[{i}] '{faults.Routes[i]}' is not a route: use one of {string.Join(", ", RouteNames.All)}");
            }
        }
    }

    public static void CheckBatch(BatchOptions batch, List<string> errors)
    {
        NonNegative(batch.JobDurationMs, "batch.jobDurationMs", errors);
        Rate(batch.RecordErrorRate, "batch.recordErrorRate", errors);
        Rate(batch.FailJobRate, "batch.failJobRate", errors);
        Rate(batch.ExpireJobRate, "batch.expireJobRate", errors);
        if (batch.FailJobRate + batch.ExpireJobRate > 1 + 1e-9)
        {
            errors.Add($"batch.failJobRate and batch.expireJobRate add up to {batch.FailJobRate + batch.ExpireJobRate:0.###}: their sum must not exceed 1");
        }

        if (batch.MaxFileBytes < 1)
        {
            errors.Add($"batch.maxFileBytes must be at least 1 (got {batch.MaxFileBytes})");
        }

        if (batch.S3ServiceUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"batch.s3ServiceUrl must be an http or https URL such as http://127.0.0.1:5000 (got '{url}')");
        }
    }

    private static void Rate(double value, string field, List<string> errors)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            errors.Add($"{field} must be a probability between 0 and 1 (got {value})");
        }
    }

    private static void NonNegative(double value, string field, List<string> errors)
    {
        if (value < 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            errors.Add($"{field} must be a finite number of at least 0 (got {value})");
        }
    }
}
