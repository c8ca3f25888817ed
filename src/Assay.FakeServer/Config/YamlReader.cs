using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Assay.FakeServer.Config;

/// <summary>
/// Reads typed values out of a YAML mapping, so every error names the field by its full
/// path and line (<c>faults.rateLimit (line 4): expected a number, got 'high'</c>).
/// Unknown keys are errors too: a misspelt setting must not be silently ignored.
/// </summary>
internal sealed class YamlReader(string file)
{
    public List<string> Errors { get; } = [];

    public Dictionary<string, YamlNode> Section(YamlNode? node, string path, params string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected a mapping of settings");
            return result;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                var where = path.Length == 0 ? "the top level" : path;
                Error(keyNode, Join(path, key), $"unknown setting; {where} takes {string.Join(", ", allowed)}");
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    public double? Number(Dictionary<string, YamlNode> section, string key, string path)
    {
        if (!TryScalar(section, key, path, out var node, out var text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node!, Join(path, key), $"expected a number, got '{text}'");
        return null;
    }

    public int? Integer(Dictionary<string, YamlNode> section, string key, string path)
    {
        if (!TryScalar(section, key, path, out var node, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node!, Join(path, key), $"expected a whole number, got '{text}'");
        return null;
    }

    public long? Long(Dictionary<string, YamlNode> section, string key, string path)
    {
        if (!TryScalar(section, key, path, out var node, out var text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node!, Join(path, key), $"expected a whole number, got '{text}'");
        return null;
    }

    public bool? Boolean(Dictionary<string, YamlNode> section, string key, string path)
    {
        if (!TryScalar(section, key, path, out var node, out var text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node!, Join(path, key), $"expected true or false, got '{text}'");
        return null;
    }

    public string? Text(Dictionary<string, YamlNode> section, string key, string path) =>
        TryScalar(section, key, path, out _, out var text) ? text : null;

    /// <summary>An enum written as in the docs (<c>first-sentence</c>) or as its C# name.</summary>
    public TEnum? Choice<TEnum>(Dictionary<string, YamlNode> section, string key, string path)
        where TEnum : struct, Enum
    {
        if (!TryScalar(section, key, path, out var node, out var text))
        {
            return null;
        }

        var normalized = text!.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), normalized, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error(node!, Join(path, key), $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(Kebab))}");
        return null;
    }

    public List<string>? TextList(Dictionary<string, YamlNode> section, string key, string path)
    {
        if (!section.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, Join(path, key), "expected a list");
            return null;
        }

        var items = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlScalarNode { Value: { } value })
            {
                items.Add(value);
            }
            else
            {
                Error(sequence.Children[i], $"{Join(path, key)}[{i}]", "expected a text value");
            }
        }

        return items;
    }

    public IReadOnlyList<YamlNode> Items(Dictionary<string, YamlNode> section, string key, string path)
    {
        if (!section.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Error(node, Join(path, key), "expected a list");
        return [];
    }

    public void Error(YamlNode node, string path, string message) =>
        Errors.Add($"{file} line {node.Start.Line}: {path}: {message}");

    /// <summary>first-sentence for FirstSentence: how the docs write enum values.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private bool TryScalar(Dictionary<string, YamlNode> section, string key, string path, out YamlNode? node, out string? text)
    {
        text = null;
        if (!section.TryGetValue(key, out node))
        {
            return false;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            text = value;
            return true;
        }

        Error(node, Join(path, key), "expected a single value");
        return false;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
