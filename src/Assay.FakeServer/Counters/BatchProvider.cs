namespace Assay.FakeServer.Counters;

/// <summary>The services whose batch jobs the server runs, as <see cref="FakeServerCounts.BatchJobsCreated"/> counts them.</summary>
public enum BatchProvider
{
    /// <summary>Bedrock model-invocation jobs (<c>POST /model-invocation-job</c>).</summary>
    Bedrock,

    /// <summary>OpenAI batches (<c>POST /v1/batches</c>).</summary>
    OpenAi,
}
