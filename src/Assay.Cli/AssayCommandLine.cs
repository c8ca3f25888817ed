using System.CommandLine;
using Assay.Cli.Commands;
using Assay.Cli.Telemetry;

namespace Assay.Cli;

/// <summary>
/// The <c>assay</c> command line: one root command, with each area's commands defined in its
/// own file under <c>Commands/</c>. Errors a user can act on print one line and exit with the
/// code in <see cref="ExitCodes"/>; nothing else prints a stack trace unless ASSAY_DEBUG=1.
/// </summary>
public static class AssayCommandLine
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Assay: choose, migrate and monitor the models your business runs on, with evidence.");
        foreach (var command in ModelsCommands.Create()
                     .Concat(FakeServerCommands.Create())
                     .Concat(EmbedCommands.Create())
                     .Concat(MigrationCommands.Create())
                     .Concat(CreditCommands.Create())
                     .Concat(ServiceCommands.Create()))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        using var signals = new CancellationSignals();
        try
        {
            using var telemetry = OtlpTelemetry.Start(Environment.GetEnvironmentVariable);
            var parsed = BuildRoot().Parse(args);
            if (parsed.Errors.Count > 0)
            {
                return await UsageErrors.ReportAsync(parsed, error).ConfigureAwait(false);
            }

            // ProcessTerminationTimeout null: the signals above cancel the run, not the parser's own handler.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error, ProcessTerminationTimeout = null };
            var code = await parsed.InvokeAsync(configuration, signals.Token).ConfigureAwait(false);
            return signals.Requested && code != ExitCodes.Ok ? await CancelledAsync(error).ConfigureAwait(false) : code;
        }
        catch (Exception) when (signals.Requested)
        {
            // Whatever a cancelled run threw on its way out (a cancelled task, a closed connection) is the cancellation.
            return await CancelledAsync(error).ConfigureAwait(false);
        }
        catch (AssayException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
#pragma warning disable CA1031 // The process boundary: anything unexpected becomes one line and exit code 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var debug = Environment.GetEnvironmentVariable("ASSAY_DEBUG") == "1";
            await error.WriteLineAsync($"internal error: {(debug ? ex.ToString() : ex.Message)} (set ASSAY_DEBUG=1 for details)").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static async Task<int> CancelledAsync(TextWriter error)
    {
        await error.WriteLineAsync("cancelled: finished work is kept; run again with --resume to continue.").ConfigureAwait(false);
        return ExitCodes.Cancelled;
    }
}
