using System.Collections.Concurrent;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>The server's OpenAI batches, in memory.</summary>
internal sealed class OpenAiBatchStore(string nonce)
{
    private readonly ConcurrentDictionary<string, OpenAiBatch> batches = new(StringComparer.Ordinal);
    private readonly List<OpenAiBatch> ordered = [];
    private readonly Lock gate = new();
    private long sequence;

    public OpenAiBatch Create(Func<string, OpenAiBatch> create)
    {
        lock (gate)
        {
            var batch = create("batch_" + BatchIds.Make(24, upper: false, "openai-batch", nonce, ++sequence));
            batches[batch.Id] = batch;
            ordered.Add(batch);
            return batch;
        }
    }

    public OpenAiBatch? Find(string id) => batches.TryGetValue(id, out var batch) ? batch : null;

    /// <summary>Every batch, newest first (the order <c>GET /v1/batches</c> lists them).</summary>
    public IReadOnlyList<OpenAiBatch> NewestFirst()
    {
        lock (gate)
        {
            return [.. Enumerable.Reverse(ordered)];
        }
    }
}
