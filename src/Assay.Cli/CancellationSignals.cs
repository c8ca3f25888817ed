using System.Runtime.InteropServices;

namespace Assay.Cli;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into one cancellation, so a cancelled command ends with exit
/// 130 and keeps its finished work. The command line's own handler is switched off: it cancels a
/// token of its own, which made cancellation look like a crash (exit 1, "A task was canceled").
/// </summary>
internal sealed class CancellationSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public CancellationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _source.Token;

    public bool Requested => _source.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive until the command has stopped and said what it kept.
        context.Cancel = true;
        _source.Cancel();
    }
}
