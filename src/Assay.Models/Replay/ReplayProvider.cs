using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Assay.Models.Replay;

/// <summary><c>replay:path.csv</c> or <c>replay:path.jsonl</c>: recorded calls answered again. Each file is read once.</summary>
internal sealed class ReplayProvider : IModelProvider
{
    private readonly ConcurrentDictionary<string, Lazy<Recording>> _recordings = new(StringComparer.Ordinal);

    public string Name => "replay";

    public IChatClient CreateChatClient(ModelId id)
    {
        var path = Path.GetFullPath(id.Name);
        var recording = _recordings.GetOrAdd(path, p => new Lazy<Recording>(() => new Recording(id.Name, RecordingReader.Read(p)))).Value;
        return new ReplayChatClient(id.ToString(), recording);
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id) =>
        throw new AssayException($"Model id '{id}' replays recorded chat calls: it cannot make embeddings.");

#pragma warning disable MEAI001
    public IImageGenerator CreateImageGenerator(ModelId id) =>
        throw new AssayException($"Model id '{id}' replays recorded chat calls: it cannot make images.");
#pragma warning restore MEAI001
}
