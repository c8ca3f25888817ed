namespace Assay.FakeServer.Options;

/// <summary>
/// Everything the fake model server can be told: where it listens, how it answers, how fast,
/// which faults it injects and which credentials it accepts. The same settings load from a
/// YAML file (<see cref="Config.FakeServerConfigFile"/>) for <c>assay fake-server --config</c>.
/// </summary>
public sealed record FakeServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port (read it back from <see cref="FakeModelServer.BaseUrl"/>).</summary>
    public int Port { get; init; }

    public AnswerOptions Answers { get; init; } = new();

    public LatencyOptions Latency { get; init; } = LatencyOptions.None;

    public FaultOptions Faults { get; init; } = FaultOptions.None;

    public AuthOptions Auth { get; init; } = new();

    /// <summary>Batch jobs: their duration, their faults, the S3 endpoint and the file size limit.</summary>
    public BatchOptions Batch { get; init; } = BatchOptions.Default;

    /// <summary>Vector length of <c>/v1/embeddings</c> when the request gives no <c>dimensions</c> (text-embedding-3-small's 1536).</summary>
    public int OpenAiEmbeddingDimensions { get; init; } = 1536;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var errors = OptionsValidator.Check(this);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }
    }
}
