using System.CommandLine;
using System.CommandLine.Parsing;

namespace Assay.Cli;

/// <summary>
/// Usage mistakes (an unknown option, a missing argument, no command) are bad input, exit 2, with
/// the usage line of the command they were meant for; not exit 1, which scripts read as a bug.
/// </summary>
internal static class UsageErrors
{
    public static async Task<int> ReportAsync(ParseResult parsed, TextWriter error)
    {
        foreach (var parseError in parsed.Errors)
        {
            await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
        }

        var command = parsed.CommandResult.Command;
        await error.WriteLineAsync($"usage: {UsageLine(parsed.CommandResult)}").ConfigureAwait(false);
        await error.WriteLineAsync($"run '{Path(parsed.CommandResult)} --help' for {(command.Subcommands.Count > 0 ? "the commands" : "the options")}.").ConfigureAwait(false);
        return ExitCodes.BadInput;
    }

    internal static string UsageLine(CommandResult result)
    {
        var command = result.Command;
        var parts = new List<string> { Path(result) };
        if (command.Subcommands.Count > 0)
        {
            parts.Add("<command>");
        }

        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"));
        parts.AddRange(command.Options.Where(o => o.Required && !o.Hidden).Select(o => $"{o.Name} <{o.Name.TrimStart('-')}>"));
        if (command.Options.Any(o => !o.Required && !o.Hidden))
        {
            parts.Add("[options]");
        }

        return string.Join(' ', parts);
    }

    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Insert(0, c.Parent is null ? "assay" : c.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
