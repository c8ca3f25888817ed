using System.CommandLine;

namespace Assay.Cli.Commands;

/// <summary>assay credit ... (issue 5).</summary>
internal static class CreditCommands
{
    public static IEnumerable<Command> Create() => [];
}
