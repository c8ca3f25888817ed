using System.Runtime.ExceptionServices;
using Polly;

namespace Assay.Models.Resilience;

/// <summary>
/// One call through the retry pipeline, each attempt inside the model's limits and its own
/// time limit; the final failure becomes an <see cref="AssayException"/> that says what to do.
/// Shared by the chat, embedding and image decorators.
/// </summary>
internal sealed class ResilientCall(string modelId, ResilienceOptions options, ResiliencePipeline pipeline, ModelLimits limits, TimeProvider time)
{
    public string ModelId => modelId;

    public ResilienceOptions Options => options;

    public ModelLimits Limits => limits;

    public TimeProvider Time => time;

    /// <summary>Runs <paramref name="call"/> with retries; returns its result, the attempts made and when the successful one started.</summary>
    public async Task<(T Result, int Attempts, long Started)> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, int tokenEstimate, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await RetryAsync(
                async ct =>
                {
                    attempts++;
                    using var leases = await AcquireAsync(tokenEstimate, ct);
                    using var attempt = new AttemptDeadline(options.AttemptTimeout, time, ct);
                    var started = time.GetTimestamp();
                    try
                    {
                        return (await call(attempt.Token), attempts, started);
                    }
                    catch (OperationCanceledException ex) when (attempt.Expired)
                    {
                        throw TimedOut(ex);
                    }
                },
                cancellationToken);
        }
        catch (ModelServiceException ex)
        {
            throw Final(ex, attempts);
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> under the retry pipeline. The first try runs before the
    /// pipeline is entered, because it almost always succeeds and the pipeline's asynchronous
    /// machinery costs some 5 us and 1 KB per call (bench: <c>modellayer</c>). At its first
    /// transient failure Polly takes over and is handed that failure as its own first outcome,
    /// so the backoff before the second try and the attempt budget are exactly the pipeline's.
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? first;
        try
        {
            return await attempt(cancellationToken);
        }
        catch (ModelServiceException ex) when (ex.IsTransient && options.MaxAttempts > 1)
        {
            first = ExceptionDispatchInfo.Capture(ex);
        }

        return await pipeline.ExecuteAsync(
            async ct =>
            {
                if (Interlocked.Exchange(ref first, null) is { } failed)
                {
                    failed.Throw();
                }

                return await attempt(ct);
            },
            cancellationToken);
    }

    public async Task<Leases> AcquireAsync(int tokenEstimate, CancellationToken ct)
    {
        var leases = new Leases();
        try
        {
            leases.Add(await limits.Concurrency.AcquireAsync(1, ct));
            if (limits.Requests is { } requests)
            {
                leases.Add(await requests.AcquireAsync(1, ct));
            }

            if (limits.Tokens is { } tokens)
            {
                leases.Add(await tokens.AcquireAsync(Math.Clamp(tokenEstimate, 1, limits.TokenBurst), ct));
            }

            return leases;
        }
        catch
        {
            leases.Dispose();
            throw;
        }
    }

    public ModelServiceException TimedOut(Exception ex) =>
        new($"Model '{modelId}': no answer within the attempt timeout of {options.AttemptTimeout.TotalSeconds:0.###} s", null, "Timeout", true, ex);

    public AssayException Final(ModelServiceException ex, int attempts)
    {
        ex.Attempts = attempts;
        if (ex.IsUnreachable)
        {
            return new AssayException(
                $"{ex.Message} after {attempts} attempt(s): check that the service is running and that the host and port in the model id (or its base-URL setting) are right.",
                ExitCodes.ModelUnavailable,
                ex);
        }

        if (ex.IsTransient)
        {
            return new AssayException(
                $"Model '{modelId}' kept failing after {attempts} attempt(s); last failure: {ex.Label} {ex.Message}. Lower the concurrency or request rate, raise the retry budget, or try later.",
                ExitCodes.ModelUnavailable,
                ex);
        }

        var badRequest = ex.StatusCode is 400 or 404 or 422;
        var hint = ex.StatusCode is 401 or 403 ? " Check the model's credential." : badRequest ? " Check the model id and the request options." : string.Empty;
        return new AssayException($"{ex.Message.TrimEnd('.')}.{hint}", badRequest ? ExitCodes.BadInput : ExitCodes.ModelUnavailable, ex);
    }
}
