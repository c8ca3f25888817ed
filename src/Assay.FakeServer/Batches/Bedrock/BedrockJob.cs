namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// One model-invocation job: what was asked, when, and its current <see cref="BedrockJobState"/>.
/// The runner and the stop route change the state; readers take <see cref="State"/> as one snapshot.
/// </summary>
internal sealed class BedrockJob : IDisposable
{
    public const string ArnPrefix = "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/";

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private volatile BedrockJobState state;

    public BedrockJob(string id, BedrockJobRequest request, BatchJobPlan plan, DateTimeOffset submitTime, long startTimestamp)
    {
        Id = id;
        StartTimestamp = startTimestamp;
        Request = request;
        Plan = plan;
        SubmitTime = submitTime;
        state = new BedrockJobState(BedrockJobStatus.Submitted, submitTime);
    }

    public string Id { get; }

    public string Arn => ArnPrefix + Id;

    public BedrockJobRequest Request { get; }

    public BatchJobPlan Plan { get; }

    public DateTimeOffset SubmitTime { get; }

    /// <summary>The clock's timestamp at submission, from which the stages of <see cref="BatchJobPlan.Timeline"/> are counted.</summary>
    public long StartTimestamp { get; }

    public DateTimeOffset JobExpirationTime => SubmitTime.AddHours(Request.TimeoutDurationInHours);

    public BedrockJobState State => state;

    /// <summary>Signalled by StopModelInvocationJob.</summary>
    public CancellationToken StopRequested => stop.Token;

    /// <summary>Applies <paramref name="change"/> unless the job has already ended; false when it had.</summary>
    public bool Update(Func<BedrockJobState, BedrockJobState> change)
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

    /// <returns>False when the job has already ended and cannot be stopped.</returns>
    public bool RequestStop(DateTimeOffset now)
    {
        var accepted = Update(s => s.Status == BedrockJobStatus.Stopping ? s : s with { Status = BedrockJobStatus.Stopping, LastModifiedTime = now });
        if (accepted)
        {
            stop.Cancel();
        }

        return accepted;
    }

    public void Dispose() => stop.Dispose();
}
