using System.Runtime.CompilerServices;
using Assay.Models.Metering;
using Microsoft.Extensions.AI;

namespace Assay.Models.Resilience;

/// <summary>
/// Retries transient failures with Polly (jittered exponential backoff), limits each attempt's
/// time, and waits for the model's concurrency, request and token budgets before each attempt.
/// A stream is retried only until its first update arrives: after that its text has been
/// shown, and a failure is reported. The successful attempt's start and the attempt count go
/// to the metering decorator.
/// </summary>
internal sealed class ResilientChatClient(IChatClient inner, ResilientCall call) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var (response, attempts, started) = await call.ExecuteAsync(ct => base.GetResponseAsync(list, options, ct), TokenEstimate(list, options), cancellationToken);
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[CallTrace.Attempts] = attempts;
        response.AdditionalProperties[CallTrace.AttemptStarted] = started;
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var attempts = 0;
        OpenStream open;
        try
        {
            open = await call.RetryAsync(
                async ct =>
                {
                    attempts++;
                    var leases = await call.AcquireAsync(TokenEstimate(list, options), ct);
                    // The stream outlives this callback, so its deadline links to the caller's token, not Polly's.
                    var attempt = new AttemptDeadline(call.Options.AttemptTimeout, call.Time, cancellationToken);
                    var started = call.Time.GetTimestamp();
                    var enumerator = base.GetStreamingResponseAsync(list, options, attempt.Token).GetAsyncEnumerator(attempt.Token);
                    try
                    {
                        var has = await enumerator.MoveNextAsync();
                        attempt.Disarm();
                        return new OpenStream(enumerator, has ? enumerator.Current : null, leases, attempt, started);
                    }
                    catch (Exception ex)
                    {
                        await enumerator.DisposeAsync();
                        leases.Dispose();
                        var timedOut = attempt.Expired;
                        attempt.Dispose();
                        if (timedOut && ex is OperationCanceledException)
                        {
                            throw call.TimedOut(ex);
                        }

                        throw;
                    }
                },
                cancellationToken);
        }
        catch (ModelServiceException ex)
        {
            throw call.Final(ex, attempts);
        }

        await using (open)
        {
            if (open.First is null)
            {
                yield break;
            }

            open.First.AdditionalProperties ??= [];
            open.First.AdditionalProperties[CallTrace.Attempts] = attempts;
            open.First.AdditionalProperties[CallTrace.AttemptStarted] = open.Started;
            yield return open.First;
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await open.Enumerator.MoveNextAsync())
                    {
                        yield break;
                    }

                    update = open.Enumerator.Current;
                }
                catch (ModelServiceException ex)
                {
                    ex.Attempts = attempts;
                    throw new AssayException($"Model '{call.ModelId}': the stream broke after it started ({ex.Label}: {ex.Message}); the answer is incomplete: run the call again.", ExitCodes.ModelUnavailable, ex);
                }

                yield return update;
            }
        }
    }

    // A cheap estimate (4 characters a token) paces calls; the exact count is metered after.
    private static int TokenEstimate(IReadOnlyList<ChatMessage> messages, ChatOptions? options) =>
        (int)Math.Min(int.MaxValue, messages.Sum(m => (long)m.Text.Length) / 4 + (options?.MaxOutputTokens ?? 0));

    private sealed record OpenStream(IAsyncEnumerator<ChatResponseUpdate> Enumerator, ChatResponseUpdate? First, Leases Leases, AttemptDeadline Attempt, long Started) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Enumerator.DisposeAsync();
            Leases.Dispose();
            Attempt.Dispose();
        }
    }
}
