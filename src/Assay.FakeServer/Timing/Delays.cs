namespace Assay.FakeServer.Timing;

/// <summary>Waits through the injected <see cref="TimeProvider"/>, so tests can control time.</summary>
internal static class Delays
{
    public static Task WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);

    /// <summary>Waits until <paramref name="offset"/> after <paramref name="startTimestamp"/> (no drift over many tokens).</summary>
    public static Task WaitUntilAsync(TimeProvider time, long startTimestamp, TimeSpan offset, CancellationToken cancellationToken) =>
        WaitAsync(time, offset - time.GetElapsedTime(startTimestamp), cancellationToken);
}
