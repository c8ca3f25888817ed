using Assay.FakeServer.Answers;
using Assay.FakeServer.Batches;
using Assay.FakeServer.Batches.Bedrock;
using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Options;
using Assay.FakeServer.Timing;

namespace Assay.FakeServer.Hosting;

/// <summary>
/// What every route reads: the clock, the counters and the current settings. Settings can be
/// swapped while the server runs; each request reads them once when it starts.
/// </summary>
internal sealed class ServerRuntime
{
    private volatile FaultDecider faults;
    private volatile LatencySampler latency;
    private volatile AnswerComposer answers;
    private volatile AuthOptions auth;
    private volatile BatchDecider batch;
    private long sequence;

    public ServerRuntime(FakeServerOptions options, TimeProvider time)
    {
        Time = time;
        Options = options;
        faults = new FaultDecider(options.Faults);
        latency = new LatencySampler(options.Latency);
        answers = new AnswerComposer(options.Answers);
        auth = options.Auth;
        batch = new BatchDecider(options.Batch);
        // Batch ids mix in a per-server nonce, so two servers writing to one bucket never share a job folder.
        var nonce = Guid.NewGuid().ToString("N");
        BedrockJobs = new BedrockJobStore(nonce);
        OpenAiFiles = new OpenAiFileStore(nonce);
        OpenAiBatches = new OpenAiBatchStore(nonce);
    }

    public TimeProvider Time { get; }

    public FakeServerOptions Options { get; }

    public FakeServerCounters Counters { get; } = new();

    public FaultDecider Faults => faults;

    public LatencySampler Latency => latency;

    public AnswerComposer Answers => answers;

    public AuthOptions Auth => auth;

    /// <summary>The batch settings in force and the seeded plans of the jobs created next.</summary>
    public BatchDecider Batch => batch;

    public BedrockJobStore BedrockJobs { get; }

    public OpenAiFileStore OpenAiFiles { get; }

    public OpenAiBatchStore OpenAiBatches { get; }

    /// <summary>The batch jobs running in the background.</summary>
    public BatchWorkers Workers { get; } = new();

    public string? BaseUrl { get; set; }

    public void SetFaults(FaultOptions options) => faults = new FaultDecider(options);

    public void SetLatency(LatencyOptions options) => latency = new LatencySampler(options);

    public void SetAnswers(AnswerOptions options) => answers = new AnswerComposer(options);

    public void SetAuth(AuthOptions options) => auth = options;

    public void SetBatch(BatchOptions options) => batch = new BatchDecider(options);

    /// <summary>A short unique id for response ids and request-id headers.</summary>
    public string NextId() => Interlocked.Increment(ref sequence).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}
