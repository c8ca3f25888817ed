using System.Text.RegularExpressions;

namespace Assay.Models.Replay;

/// <summary>
/// Recorded calls looked up by prompt: exact text first, then with whitespace runs collapsed
/// (so a template that trims or re-wraps the same prompt still finds it). The first
/// successful recording of a prompt answers it.
/// </summary>
internal sealed partial class Recording
{
    private readonly Dictionary<string, RecordedCall> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordedCall> _normalized = new(StringComparer.Ordinal);

    public Recording(string path, IReadOnlyList<RecordedCall> calls)
    {
        Path = path;
        var answered = calls.Where(c => c.Error is null).ToList();
        foreach (var call in answered)
        {
            _exact.TryAdd(call.Prompt, call);
            _normalized.TryAdd(Normalize(call.Prompt), call);
        }

        Count = answered.Count;
        Models = [.. answered.Select(c => c.Model).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    public string Path { get; }

    public int Count { get; }

    /// <summary>The model names the recording carries (its price is looked up under these).</summary>
    public IReadOnlyList<string> Models { get; }

    public RecordedCall Find(string prompt)
    {
        if (_exact.TryGetValue(prompt, out var call) || _normalized.TryGetValue(Normalize(prompt), out call))
        {
            return call;
        }

        var preview = Normalize(prompt);
        preview = preview.Length > 60 ? preview[..60] + "..." : preview;
        throw new AssayException(
            $"Replay recording '{Path}' has no answer for the prompt '{preview}' ({Count} recorded prompts): replay answers only prompts it recorded; check that the prompt template matches the one used when recording.");
    }

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
