using System.Globalization;
using Assay.Migration.Generation;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary>
/// Shows generation progress: a Spectre.Console bar on an interactive terminal; when output is
/// redirected (CI, a log file), one plain line every few seconds and at the end, so logs stay readable.
/// </summary>
internal sealed class MigrationProgress(TextWriter output, TimeProvider time) : IProgress<GenerationProgress>
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private ProgressTask? _bar;
    private long _lastPlain = time.GetTimestamp();
    private GenerationProgress _last;

    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a live bar when interactive, plain lines otherwise.</summary>
    public async Task<T> RunAsync<T>(Func<IProgress<GenerationProgress>, Task<T>> work)
    {
        if (!Interactive)
        {
            var result = await work(this);
            WritePlain(final: true);
            return result;
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                lock (_gate)
                {
                    _bar = context.AddTask("generation", maxValue: 1);
                }

                return await work(this);
            });
    }

    public void Report(GenerationProgress value)
    {
        lock (_gate)
        {
            if (value.Done < _last.Done)
            {
                return;
            }

            _last = value;
            if (_bar is not null)
            {
                _bar.MaxValue = Math.Max(1, value.Total);
                _bar.Value = value.Done;
                _bar.Description = $"calls {value.Done}/{value.Total}" + (value.Failed > 0 ? $" [red]{value.Failed} failed[/]" : string.Empty);
                return;
            }

            if (time.GetElapsedTime(_lastPlain) >= PlainEvery)
            {
                WritePlain(final: false);
            }
        }
    }

    private void WritePlain(bool final)
    {
        _lastPlain = time.GetTimestamp();
        if (_last.Total == 0)
        {
            return;
        }

        var percent = (100.0 * _last.Done / _last.Total).ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine($"generation: {_last.Done}/{_last.Total} calls ({percent}%), {_last.Failed} failed, {_last.Resumed} kept from an earlier run{(final ? " - done" : string.Empty)}");
    }
}
