using System.CommandLine;

namespace Assay.Cli.Commands;

/// <summary>assay serve, summarize, chat, rag, image (issue 6).</summary>
internal static class ServiceCommands
{
    public static IEnumerable<Command> Create() => [];
}
