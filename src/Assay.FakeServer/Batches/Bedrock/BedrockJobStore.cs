using System.Collections.Concurrent;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// The server's model-invocation jobs, in memory, found by id or ARN; a create that repeats a
/// <c>clientRequestToken</c> gets the job that token made instead of a second one.
/// </summary>
internal sealed class BedrockJobStore
{
    private readonly ConcurrentDictionary<string, BedrockJob> jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BedrockJob> byToken = new(StringComparer.Ordinal);
    private readonly List<BedrockJob> ordered = [];
    private readonly Lock gate = new();
    private readonly string nonce;
    private long sequence;

    public BedrockJobStore(string nonce) => this.nonce = nonce;

    /// <returns>The job, and whether it is new (false: the token's earlier job).</returns>
    public (BedrockJob Job, bool Created) GetOrCreate(BedrockJobRequest request, Func<string, BedrockJob> create)
    {
        lock (gate)
        {
            if (request.ClientRequestToken is { } token && byToken.TryGetValue(token, out var existing))
            {
                return (existing, false);
            }

            var id = BatchIds.Make(12, upper: false, "bedrock-job", nonce, ++sequence);
            var job = create(id);
            jobs[id] = job;
            ordered.Add(job);
            if (request.ClientRequestToken is { } newToken)
            {
                byToken[newToken] = job;
            }

            return (job, true);
        }
    }

    /// <summary>By the bare id or the full ARN (clients send either).</summary>
    public BedrockJob? Find(string identifier)
    {
        var id = identifier.StartsWith("arn:", StringComparison.Ordinal) ? identifier[(identifier.LastIndexOf('/') + 1)..] : identifier;
        return jobs.TryGetValue(id, out var job) && (id == identifier || identifier == job.Arn) ? job : null;
    }

    /// <summary>Every job, oldest first.</summary>
    public IReadOnlyList<BedrockJob> All()
    {
        lock (gate)
        {
            return [.. ordered];
        }
    }
}
