using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Assay.Yaml;

/// <summary>
/// The one bounded YAML loading step every loader goes through: it caps the size, the alias
/// references and the nodes after alias expansion by walking the parser's events, before any
/// deserializer or representation model builds objects. A "billion laughs" file is refused
/// after a few hundred events, in constant memory, instead of expanding into gigabytes.
/// </summary>
public static class BoundedYaml
{
    /// <summary>Reads a YAML file after checking its size, then checks its structure.</summary>
    /// <param name="origin">How errors name the file (its path as the user wrote it).</param>
    public static string ReadFile(string path, string origin, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.FromEnvironment();
        var length = new FileInfo(path).Length;
        if (length > limits.MaxBytes)
        {
            throw TooLarge(origin, length, limits);
        }

        var text = File.ReadAllText(path);
        Check(text, origin, limits);
        return text;
    }

    /// <summary>Checks YAML text (say, an upload) against the limits; throws an <see cref="AssayException"/> naming the limit.</summary>
    public static void Check(string text, string origin, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= YamlLimits.FromEnvironment();
        // Char count first: it bounds the byte count from below, so a huge string is refused without encoding it.
        if (text.Length > limits.MaxBytes || Encoding.UTF8.GetByteCount(text) > limits.MaxBytes)
        {
            throw TooLarge(origin, Encoding.UTF8.GetByteCount(text), limits);
        }

        Walk(text, origin, limits);
    }

    private static void Walk(string text, string origin, YamlLimits limits)
    {
        // Expanded node count of each anchor's subtree, and of each open collection so far.
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long StartCount)>();
        long nodes = 0;
        var aliases = 0;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        if (++aliases > limits.MaxAliases)
                        {
                            throw Refuse(origin, alias.Start, $"more than {limits.MaxAliases} alias references (*name)", YamlLimits.MaxAliasesVariable);
                        }

                        // An alias to an anchor still open (a recursive alias) counts as one node.
                        nodes += anchors.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                    case Scalar scalar:
                        nodes++;
                        Remember(anchors, scalar.Anchor, 1);
                        break;
                    case NodeEvent start when start is SequenceStart or MappingStart:
                        nodes++;
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes));
                        break;
                    case SequenceEnd or MappingEnd:
                        var (anchor, startCount) = open.Pop();
                        if (anchor is not null)
                        {
                            anchors[anchor] = nodes - startCount + 1;
                        }

                        break;
                }

                if (nodes > limits.MaxNodes)
                {
                    throw Refuse(origin, parser.Current!.Start, $"more than {limits.MaxNodes} nodes once its aliases are expanded", YamlLimits.MaxNodesVariable);
                }
            }
        }
        catch (YamlException)
        {
            // Syntax errors are left to the loader, which explains them in its own terms.
        }
    }

    private static void Remember(Dictionary<string, long> anchors, AnchorName anchor, long size)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = size;
        }
    }

    private static AssayException TooLarge(string origin, long length, YamlLimits limits) =>
        new($"{origin}: refused: the YAML is {length:N0} bytes, over the limit of {limits.MaxBytes:N0} bytes; "
            + $"split it, or raise the limit with the environment variable {YamlLimits.MaxBytesVariable} for a trusted file.");

    private static AssayException Refuse(string origin, Mark at, string what, string variable) =>
        new($"{origin} line {at.Line}: refused: the YAML has {what}, which looks like an alias bomb; "
            + $"remove the aliases, or raise the limit with the environment variable {variable} for a trusted file.");
}
