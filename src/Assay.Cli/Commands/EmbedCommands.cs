using System.CommandLine;

namespace Assay.Cli.Commands;

/// <summary>assay embed (issue 3).</summary>
internal static class EmbedCommands
{
    public static IEnumerable<Command> Create() => [];
}
