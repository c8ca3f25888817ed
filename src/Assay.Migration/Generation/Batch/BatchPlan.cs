using System.Security.Cryptography;
using System.Text;
using Assay.Migration.Runs;
using Assay.Models.Batch;

namespace Assay.Migration.Generation.Batch;

/// <summary>
/// One provider job's worth of a model's calls: each (item, repeat) gets a record id of 11
/// letters and digits (Bedrock's form; the position in the job), and the job a key made from
/// the model's label, its fingerprint and the calls it holds. The same pending calls give the
/// same key, which is how a study killed while its job runs finds that job again.
/// </summary>
internal sealed record BatchPlan(string Label, string Fingerprint, IReadOnlyList<(StudyItem Item, int Repeat, string Prompt)> Calls)
{
    /// <summary>Both providers accept 50,000 requests per job; larger studies are split into several jobs.</summary>
    public const int MaxRecordsPerJob = 50_000;

    /// <summary>
    /// Splits <paramref name="count"/> calls into as few jobs of at most <paramref name="max"/> as
    /// possible, of sizes that differ by at most one: 50,050 calls are two jobs of 25,025, not 50,000
    /// and a job of 50 (Bedrock refuses a job of fewer than 100 records). The same count always gives
    /// the same split, so a resumed study finds its jobs again.
    /// </summary>
    public static IEnumerable<(int Start, int Count)> Split(int count, int max = MaxRecordsPerJob)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var jobs = (count + max - 1) / max;
        var start = 0;
        for (var j = 0; j < jobs; j++)
        {
            var size = (count / jobs) + (j < count % jobs ? 1 : 0);
            yield return (start, size);
            start += size;
        }
    }

    public static string RecordId(int index) => "R" + index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The run-store key of the job (label / fingerprint / hash of the calls).</summary>
    public string Key => $"{Label}/{Fingerprint}/{Hash}";

    /// <summary>Submitting twice with this token gives one job where the provider honours it (Bedrock's clientRequestToken).</summary>
    public string IdempotencyToken => "assay" + Hash;

    /// <summary>A job name both providers accept: letters, digits and '-', at most 63 characters.</summary>
    public string JobName(string study)
    {
        var name = $"assay-{Slug(study)}-{Slug(Label)}";
        name = name.Length > 50 ? name[..50] : name;
        return name.TrimEnd('-') + "-" + Hash[..12];
    }

    public IReadOnlyList<BatchRequest> Requests(Study.GenerationSettings settings) =>
        [.. Calls.Select((c, i) => new BatchRequest(RecordId(i), settings.SystemPrompt, c.Prompt, settings.MaxTokens, settings.Temperature, settings.TopP))];

    private string? _hash;

    private string Hash => _hash ??= HashOf();

    private string HashOf()
    {
        {
            var text = string.Join('\n', Calls.Select(c => c.Item.ItemId + "#" + c.Repeat));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fingerprint + "\n" + text)).AsSpan(0, 16));
        }
    }

    private static string Slug(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
