using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Assay.Migration.Evaluation;

/// <summary>
/// One call's scores by metric name: a study has a handful of metrics, so two small arrays searched
/// in order take a third of a dictionary's memory, which counts at 100,000 calls. Names compare ordinally.
/// </summary>
internal sealed class ScoreSet : IReadOnlyDictionary<string, double?>
{
    private string[] _keys = [];
    private double?[] _values = [];
    private int _count;

    public int Count => _count;

    public IEnumerable<string> Keys => _keys.Take(_count);

    public IEnumerable<double?> Values => _values.Take(_count);

    /// <summary>The score of <paramref name="key"/>; setting adds or replaces it.</summary>
    public double? this[string key]
    {
        get => IndexOf(key) is var i and >= 0 ? _values[i] : throw new KeyNotFoundException($"no score named '{key}'");
        set
        {
            var i = IndexOf(key);
            if (i < 0)
            {
                if (_count == _keys.Length)
                {
                    var size = Math.Max(4, _count * 2);
                    Array.Resize(ref _keys, size);
                    Array.Resize(ref _values, size);
                }

                i = _count++;
                _keys[i] = key;
            }

            _values[i] = value;
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, double?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, double?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
