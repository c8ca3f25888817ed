using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Assay.Models;
using Assay.Models.Batch;
using Assay.Models.Metering;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Tests.TestDoubles;

/// <summary>
/// A model layer for tests: every chat client answers with a function of the prompt (by
/// default the prompt's last line, word-reversed, so answers differ per item and per prompt),
/// counts calls per (model, prompt), and attaches metering like the real factory would.
/// Not a model: it exists so generation can be tested without a server.
/// </summary>
internal sealed class ScriptedModelFactory : IModelFactory
{
    public ConcurrentDictionary<(string Model, string Prompt), int> Calls { get; } = new();

    /// <summary>Price per 1,000 tokens (input, output) by model id; a model missing here reports no cost, like an unpriced model.</summary>
    public Dictionary<string, (decimal In, decimal Out)> Prices { get; } = new(StringComparer.Ordinal);

    public Func<string, string, string> Answer { get; set; } = (_, prompt) => string.Join(' ', prompt.Trim().Split('\n')[^1].Split(' ').Reverse());

    /// <summary>Throws for these (model, call number) pairs, to test failures.</summary>
    public Func<string, int, Exception?> Fault { get; set; } = (_, _) => null;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int InFlight;
    public int MaxInFlight;
    public int TotalCalls;

    /// <summary>No tokenizer: callers fall back to their labelled estimate.</summary>
    public ITokenCounter? Tokens => null;

    public IChatClient CreateChatClient(string modelId) => new Client(this, modelId);

    /// <summary>The batch engine every model id gets (answers with <see cref="Answer"/>); null = no batch engine.</summary>
    public ScriptedBatchInference? Batch { get; set; }

    public IBatchInference CreateBatchInference(string modelId, BatchStorage storage) =>
        Batch ?? throw new AssayException($"Model '{modelId}' cannot run in batch mode with this model factory.");

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId) => throw new NotSupportedException();

#pragma warning disable MEAI001
    public IImageGenerator CreateImageGenerator(string modelId) => throw new NotSupportedException();
#pragma warning restore MEAI001

    private sealed class Client(ScriptedModelFactory owner, string modelId) : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var u in GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                updates.Add(u);
            }

            var response = updates.ToChatResponse();
            if (updates[^1].GetCallMetrics() is { } m)
            {
                response.SetCallMetrics(m);
            }

            return response;
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var prompt = messages.Last().Text;
            var n = Interlocked.Increment(ref owner.TotalCalls);
            var now = Interlocked.Increment(ref owner.InFlight);
            int seen;
            while ((seen = owner.MaxInFlight) < now && Interlocked.CompareExchange(ref owner.MaxInFlight, now, seen) != seen)
            {
            }

            try
            {
                owner.Calls.AddOrUpdate((modelId, prompt), 1, (_, c) => c + 1);
                if (owner.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(owner.Delay, cancellationToken);
                }

                if (owner.Fault(modelId, n) is { } fault)
                {
                    throw fault;
                }

                var text = owner.Answer(modelId, prompt);
                var input = (prompt.Length + 3) / 4;
                var output = (text.Length + 3) / 4;
                var update = new ChatResponseUpdate(ChatRole.Assistant, text);
                update.SetCallMetrics(new CallMetrics
                {
                    ModelId = modelId,
                    Latency = TimeSpan.FromMilliseconds(10),
                    InputTokens = input,
                    OutputTokens = output,
                    CostUsd = owner.Prices.TryGetValue(modelId, out var p) ? (input / 1000m * p.In) + (output / 1000m * p.Out) : null,
                });
                yield return update;
            }
            finally
            {
                Interlocked.Decrement(ref owner.InFlight);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
