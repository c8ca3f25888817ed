using System.CommandLine;

namespace Assay.Cli.Commands;

/// <summary>assay migrate, assay demo (issue 4).</summary>
internal static class MigrationCommands
{
    public static IEnumerable<Command> Create() => [];
}
