using System.CommandLine;

namespace Assay.Cli.Commands;

/// <summary>assay models list, assay complete (issue 2).</summary>
internal static class ModelsCommands
{
    public static IEnumerable<Command> Create() => [];
}
