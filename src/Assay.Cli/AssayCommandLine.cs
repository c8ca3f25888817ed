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
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var telemetry = OtlpTelemetry.Start(Environment.GetEnvironmentVariable);
            var parsed = BuildRoot().Parse(args);
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error };
            return await parsed.InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false);
        }
        catch (AssayException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled: finished work is kept; run again with --resume to continue.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The process boundary: anything unexpected becomes one line and exit code 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var debug = Environment.GetEnvironmentVariable("ASSAY_DEBUG") == "1";
            await error.WriteLineAsync($"internal error: {(debug ? ex.ToString() : ex.Message)} (set ASSAY_DEBUG=1 for details)").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
