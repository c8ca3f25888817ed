namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>
/// One OpenAI batch: what was asked, when, and its current <see cref="OpenAiBatchState"/>. The
/// runner and the cancel route change the state; readers take <see cref="State"/> as one snapshot.
/// </summary>
internal sealed class OpenAiBatch : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource cancel = new();
    private volatile OpenAiBatchState state = new(OpenAiBatchStatus.Validating);

    public OpenAiBatch(string id, OpenAiBatchRequest request, BatchJobPlan plan, long createdAt, long startTimestamp)
    {
        Id = id;
        Request = request;
        Plan = plan;
        CreatedAt = createdAt;
        StartTimestamp = startTimestamp;
    }

    public string Id { get; }

    public OpenAiBatchRequest Request { get; }

    public BatchJobPlan Plan { get; }

    /// <summary>Unix seconds.</summary>
    public long CreatedAt { get; }

    /// <summary>When the 24-hour completion window closes, in Unix seconds.</summary>
    public long ExpiresAt => CreatedAt + (24 * 3600);

    public long StartTimestamp { get; }

    public OpenAiBatchState State => state;

    public CancellationToken CancelRequested => cancel.Token;

    /// <summary>Applies <paramref name="change"/> unless the batch has ended; false when it had.</summary>
    public bool Update(Func<OpenAiBatchState, OpenAiBatchState> change)
    {
        lock (gate)
        {
            if (state.Status.IsTerminal())
            {
                return false;
            }

            state = change(state);
            return true;
        }
    }

    /// <returns>False when the batch has already ended.</returns>
    public bool RequestCancel(long now)
    {
        var accepted = Update(s => s.Status == OpenAiBatchStatus.Cancelling ? s : s with { Status = OpenAiBatchStatus.Cancelling, CancellingAt = now });
        if (accepted)
        {
            cancel.Cancel();
        }

        return accepted;
    }

    public void Dispose() => cancel.Dispose();
}
