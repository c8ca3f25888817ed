using System.Diagnostics;
using System.Globalization;

namespace Assay.Cli.Tests;

/// <summary>A real <c>assay</c> process (the built assay.dll beside the tests), so signals, exit codes and OS locks are the real ones.</summary>
internal sealed class ChildAssay : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private ChildAssay(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static ChildAssay Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>Starts assay with these environment variables set on top of the test's own.</summary>
    public static ChildAssay Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assay.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new ChildAssay(Process.Start(info)!);
    }

    /// <summary>Runs to the end and returns the exit code and what it printed.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var child = Start(workingDirectory, args);
        return await child.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<(int Code, string Output, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
