namespace Assay.Bench.Migration;

/// <summary>
/// What one child process cost: exit code, wall time (start to exit), peak resident memory (VmHWM, bytes),
/// CPU time (user + system, all threads, the last value polled before exit) and its stdout + stderr.
/// </summary>
internal sealed record ChildRun(int ExitCode, TimeSpan Wall, long PeakBytes, TimeSpan Cpu, string Output)
{
    public double PeakMegabytes => PeakBytes / 1048576.0;

    /// <summary>The end of the output, for a run that failed.</summary>
    public string Tail(int chars = 2000) => Output.Length <= chars ? Output : Output[^chars..];
}
