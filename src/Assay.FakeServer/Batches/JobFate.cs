namespace Assay.FakeServer.Batches;

/// <summary>How a batch job is going to end, drawn once when it is created.</summary>
internal enum JobFate
{
    /// <summary>Every record is processed (some may still get record errors).</summary>
    Finishes,

    /// <summary>The job fails when it is validated (<c>batch.failJobRate</c>).</summary>
    Fails,

    /// <summary>The job runs out of time with half of its records done (<c>batch.expireJobRate</c>).</summary>
    Expires,
}
