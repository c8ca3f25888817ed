using Microsoft.Extensions.Time.Testing;

namespace Assay.FakeServer.Tests.Support;

/// <summary>
/// <see cref="FakeTimeProvider"/> (time moves only when a test advances it), plus a wait until the
/// server has started waiting on it, so a test advances the clock only once a request is pending.
/// </summary>
internal sealed class ServerClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero))
{
    private int _timers;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (in real time, briefly) until the server has created a timer on this clock.</summary>
    public async Task WaitForTimersAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref _timers) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the server never waited on the fake clock");
            }

            await Task.Delay(5);
        }
    }
}
