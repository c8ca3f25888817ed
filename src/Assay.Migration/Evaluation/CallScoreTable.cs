using Assay.Migration.Runs;

namespace Assay.Migration.Evaluation;

/// <summary>
/// Every call's <see cref="ScoreSet"/> during evaluation, found by its record (the same object from
/// reading to outputs), so 100,000 calls need no key strings. The key-string view (model, item,
/// repeat: <see cref="CallKey"/>) is made only when a judge's verdicts ask for it.
/// </summary>
internal sealed class CallScoreTable
{
    private readonly Dictionary<GenerationRecord, ScoreSet> _byRecord;
    private Dictionary<string, ScoreSet>? _byKey;

    public CallScoreTable(IReadOnlyList<GenerationRecord> records)
    {
        _byRecord = new Dictionary<GenerationRecord, ScoreSet>(records.Count, ReferenceEqualityComparer.Instance);
        foreach (var r in records)
        {
            _byRecord[r] = new ScoreSet();
        }
    }

    public ScoreSet this[GenerationRecord record] => _byRecord[record];

    public ScoreSet this[string callKey] => ByKey()[callKey];

    /// <summary>The scores by <see cref="CallKey"/>.</summary>
    public IReadOnlyDictionary<string, ScoreSet> ByKey() =>
        _byKey ??= _byRecord.ToDictionary(kv => CallKey.Of(kv.Key), kv => kv.Value, StringComparer.Ordinal);
}
