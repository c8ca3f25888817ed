using System.Collections;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Assay.Credit.Config;

/// <summary>
/// Checks CREDIT.yaml's keys against the config classes before deserializing, so a misspelt key
/// reads "unknown field 'pvalue' in model (line 17); did you mean 'p_value'?" rather than a .NET
/// type name, and checks model.variables (no target, no duplicates) with the line of the item.
/// Each node is visited once, so YAML aliases cannot multiply the work.
/// </summary>
internal static class ConfigKeys
{
    public static void Check(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return; // the deserializer reports the syntax error with its line
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return;
        }

        Walk(root, typeof(CreditConfig), "", source, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        CheckVariables(root, source);
    }

    private static void Walk(YamlMappingNode node, Type type, string path, string source, HashSet<YamlNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!props.TryGetValue(key, out var prop))
            {
                var where = path.Length == 0 ? "the top level" : path;
                var hint = Closest(key, props.Keys) is { } c ? $"did you mean '{c}'?" : $"the keys of {where} are {string.Join(", ", props.Keys.Order(StringComparer.Ordinal))}.";
                throw new AssayException($"{source}: unknown field '{key}' in {where} (line {keyNode.Start.Line}); {hint} (see samples/credit/README.md)");
            }

            if (value is not YamlMappingNode map)
            {
                continue;
            }

            var t = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
            var child = path.Length == 0 ? key : $"{path}.{key}";
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var valueType = t.GetGenericArguments()[1];
                if (IsSettingsClass(valueType))
                {
                    foreach (var (k, v) in map.Children)
                    {
                        if (v is YamlMappingNode entry)
                        {
                            Walk(entry, valueType, $"{child}.{(k as YamlScalarNode)?.Value}", source, visited);
                        }
                    }
                }
            }
            else if (IsSettingsClass(t))
            {
                Walk(map, t, child, source, visited);
            }
        }
    }

    private static bool IsSettingsClass(Type t) => t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t);

    private static void CheckVariables(YamlMappingNode root, string source)
    {
        var target = Child(Child(root, "target"), "column") is YamlScalarNode t ? t.Value : null;
        if (Child(Child(root, "model"), "variables") is not YamlSequenceNode variables)
        {
            return;
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in variables.Children.OfType<YamlScalarNode>())
        {
            var name = item.Value ?? "";
            var line = item.Start.Line;
            if (name == target)
            {
                throw new AssayException($"{source} line {line}: model.variables lists the target column '{name}'; the target cannot predict itself: remove it from model.variables.");
            }

            if (first.TryGetValue(name, out var earlier))
            {
                throw new AssayException($"{source} line {line}: model.variables lists '{name}' twice (first on line {earlier}); list each variable once.");
            }

            first[name] = (int)line;
        }
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>The known key nearest to a misspelt one (edit distance at most a third of its length, or one containing the other without underscores).</summary>
    private static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = k.Replace("_", "", StringComparison.Ordinal) == key.Replace("_", "", StringComparison.Ordinal) ? 0 : Distance(key, k);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = k;
            }
        }

        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
