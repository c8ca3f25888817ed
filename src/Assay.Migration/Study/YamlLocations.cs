using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Assay.Migration.Study;

/// <summary>
/// Where each field sits in the study file (field path such as <c>candidates[1].prompt</c> to line),
/// so validation errors can point at the line to fix, not just the field name.
/// </summary>
internal sealed class YamlLocations
{
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    public static YamlLocations Read(string text)
    {
        var locations = new YamlLocations();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count > 0)
        {
            locations.Walk(stream.Documents[0].RootNode, string.Empty);
        }

        return locations;
    }

    /// <summary>The 1-based line of the field, or of its nearest written parent, or null.</summary>
    public long? LineOf(string field)
    {
        var path = field;
        while (true)
        {
            if (_marks.TryGetValue(path, out var mark))
            {
                return mark.Line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            path = path[..cut];
        }
    }

    private void Walk(YamlNode node, string path)
    {
        if (path.Length > 0)
        {
            _marks[path] = node.Start;
        }

        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    _marks[Join(path, name)] = key.Start;
                    Walk(value, Join(path, name));
                    _marks[Join(path, name)] = key.Start;
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Walk(seq.Children[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
