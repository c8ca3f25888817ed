using System.Text.Json;

namespace Assay.Embeddings.Tokenization;

/// <summary>
/// The SentencePiece vocabulary of the model (<c>vocab.json</c>: [piece, log-probability] pairs,
/// id = position). Ids 0-5 are reserved (0 = unknown) and never matched against text.
/// </summary>
internal sealed class Vocabulary
{
    public const int ReservedCount = 6;
    public const int UnknownId = 0;

    private Vocabulary(string[] pieces, double[] scores)
    {
        Pieces = pieces;
        Scores = scores;
    }

    public IReadOnlyList<string> Pieces { get; }

    /// <summary>Log-probabilities as doubles: the reference sums them in JavaScript numbers, and ties are decided on those sums.</summary>
    public IReadOnlyList<double> Scores { get; }

    public int Count => Pieces.Count;

    public static Vocabulary Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var pieces = new List<string>();
        var scores = new List<double>();
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            if (entry.GetArrayLength() != 2)
            {
                throw new InvalidDataException($"{path}: entry {pieces.Count} is not a [piece, score] pair.");
            }

            pieces.Add(entry[0].GetString() ?? string.Empty);
            // A few pieces (":", "://", "▁:)") have a null score; JavaScript adds null as 0.
            scores.Add(entry[1].ValueKind == JsonValueKind.Null ? 0d : entry[1].GetDouble());
        }

        return new Vocabulary([.. pieces], [.. scores]);
    }
}
