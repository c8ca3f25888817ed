namespace Assay.Bench.Migration;

/// <summary>One measured run of the scale benchmark: a tool on N items, and the calls the fake server answered for it.</summary>
internal sealed record ScaleRow(string Tool, int Items, ChildRun Run, long Calls)
{
    /// <summary>Answered calls per second of wall time, process start to exit.</summary>
    public double CallsPerSecond => Calls / Math.Max(1e-9, Run.Wall.TotalSeconds);

    /// <summary>User + system CPU time of the child process per answered call, in milliseconds.</summary>
    public double CpuMsPerCall => Run.Cpu.TotalMilliseconds / Math.Max(1, Calls);
}
