using System.CommandLine;

namespace Assay.Cli.Commands;

/// <summary>assay fake-server (issue 2).</summary>
internal static class FakeServerCommands
{
    public static IEnumerable<Command> Create() => [];
}
