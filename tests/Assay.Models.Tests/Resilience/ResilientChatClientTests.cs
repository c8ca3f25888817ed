using Assay.Models.Resilience;
using Assay.Models.Tests.TestDoubles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Assay.Models.Tests.Resilience;

public sealed class ResilientChatClientTests
{
    private static readonly ResilienceOptions Fast = new() { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxAttempts = 4 };

    [Fact]
    public async Task GetResponse_TransientThenSuccess_RetriesAndCountsAttempts()
    {
        var inner = new ScriptedChatClient()
            .Fail(new ModelServiceException("throttled", 429, "ThrottlingException", true))
            .Fail(new ModelServiceException("boom", 500, null, true))
            .Answer("ok");
        using var limits = new ModelLimits(Fast, TimeProvider.System);
        var sut = CreateSut(inner, Fast, limits);

        var response = await sut.GetResponseAsync("hello");

        Assert.Equal("ok", response.Text);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(3, response.AdditionalProperties![Assay.Models.Metering.CallTrace.Attempts]);
    }

    [Fact]
    public async Task GetResponse_FirstFailure_SecondAttemptWaitsForThePipelinesBackoff()
    {
        // The first try runs before the pipeline; its failure must still be followed by the backoff.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var options = new ResilienceOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(2), MaxAttempts = 3 };
        var inner = new ScriptedChatClient().Fail(new ModelServiceException("throttled", 429, "ThrottlingException", true)).Answer("ok");
        using var limits = new ModelLimits(options, time);
        var sut = CreateSut(inner, options, limits, time);

        var call = sut.GetResponseAsync("hello");
        await Task.Delay(100);
        Assert.Equal(1, inner.Calls);
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("ok", response.Text);
        Assert.Equal(2, inner.Calls);
        Assert.Equal(2, response.AdditionalProperties![Assay.Models.Metering.CallTrace.Attempts]);
    }

    [Fact]
    public async Task GetResponse_Unreachable_TwoAttemptsWithoutWaitingOnTheClock()
    {
        // The clock never moves, so a backoff wait would never end.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        var options = new ResilienceOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), MaxAttempts = 6 };
        var inner = new ScriptedChatClient();
        for (var i = 0; i < 6; i++)
        {
            inner.Fail(new ModelServiceException("Model 'm': cannot reach http://127.0.0.1:9/v1 (Connection refused)", null, ModelServiceException.UnreachableType, true));
        }

        using var limits = new ModelLimits(options, time);
        var sut = CreateSut(inner, options, limits, time);

        var ex = await Assert.ThrowsAsync<AssayException>(() => sut.GetResponseAsync("hello").WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(2, inner.Calls);
        Assert.Equal(2, Assert.IsType<ModelServiceException>(ex.InnerException).Attempts);
        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("after 2 attempt(s): check that the service is running", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_Throttled_KeepsTheWholeBudgetAndReportsItsAttempts()
    {
        var inner = new ScriptedChatClient();
        for (var i = 0; i < 4; i++)
        {
            inner.Fail(new ModelServiceException("Too many requests", 429, "ThrottlingException", true));
        }

        using var limits = new ModelLimits(Fast, TimeProvider.System);
        var sut = CreateSut(inner, Fast, limits);

        var ex = await Assert.ThrowsAsync<AssayException>(() => sut.GetStreamingResponseAsync("hello").ToListAsync().AsTask());

        Assert.Equal(4, inner.Calls);
        Assert.Equal(4, Assert.IsType<ModelServiceException>(ex.InnerException).Attempts);
    }

    [Fact]
    public async Task GetResponse_BudgetExhausted_OneLineErrorExitCode4()
    {
        var inner = new ScriptedChatClient();
        for (var i = 0; i < 4; i++)
        {
            inner.Fail(new ModelServiceException("Too many requests", 429, "ThrottlingException", true));
        }

        using var limits = new ModelLimits(Fast, TimeProvider.System);
        var sut = CreateSut(inner, Fast, limits);

        var ex = await Assert.ThrowsAsync<AssayException>(() => sut.GetResponseAsync("hello"));

        Assert.Equal(ExitCodes.ModelUnavailable, ex.ExitCode);
        Assert.Contains("after 4 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("429 ThrottlingException", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task GetResponse_NotTransient_NoRetry()
    {
        var inner = new ScriptedChatClient().Fail(new ModelServiceException("Model 'm' answered HTTP 400: bad", 400, "ValidationException", false)).Answer("never");
        using var limits = new ModelLimits(Fast, TimeProvider.System);
        var sut = CreateSut(inner, Fast, limits);

        var ex = await Assert.ThrowsAsync<AssayException>(() => sut.GetResponseAsync("hello"));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
    }

    [Fact]
    public async Task GetStreaming_FailureBeforeFirstUpdate_Retried()
    {
        var inner = new ScriptedChatClient().Fail(new ModelServiceException("cut", null, "ConnectionFailed", true)).Answer("a b");
        using var limits = new ModelLimits(Fast, TimeProvider.System);
        var sut = CreateSut(inner, Fast, limits);

        var updates = await sut.GetStreamingResponseAsync("hello").ToListAsync();

        Assert.Equal("a b", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(2, updates[0].AdditionalProperties![Assay.Models.Metering.CallTrace.Attempts]);
    }

    [Fact]
    public async Task GetResponse_AttemptTimeout_IsTransientAndRetried()
    {
        var options = Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(50), MaxAttempts = 2 };
        var inner = new HangingThenAnswering();
        using var limits = new ModelLimits(options, TimeProvider.System);
        var sut = CreateSut(inner, options, limits);

        var response = await sut.GetResponseAsync("hello");

        Assert.Equal("late but fine", response.Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task GetResponse_ConcurrencyLimit_NeverExceeded()
    {
        var options = Fast with { MaxConcurrencyPerModel = 3 };
        var inner = new CountingClient();
        using var limits = new ModelLimits(options, TimeProvider.System);
        var sut = CreateSut(inner, options, limits);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => sut.GetResponseAsync($"call {i}")));

        Assert.Equal(3, inner.MaxInFlight);
    }

    [Fact]
    public async Task GetResponse_RequestsPerMinute_WaitsForTheInjectedClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var options = Fast with { RequestsPerMinute = 6 }; // one every 10 s, burst of 1
        using var limits = new ModelLimits(options, time);
        var sut = CreateSut(new ScriptedChatClient(), options, limits, time);

        await sut.GetResponseAsync("first");
        var second = sut.GetResponseAsync("second");
        await Task.Delay(50);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task GetResponse_TokensPerMinute_BigCallWaitsForRefill()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var options = Fast with { TokensPerMinute = 600 }; // 10 tokens a second, burst of 100
        using var limits = new ModelLimits(options, time);
        var sut = CreateSut(new ScriptedChatClient(), options, limits, time);

        await sut.GetResponseAsync(new string('x', 320)); // about 80 tokens of the 100
        var second = sut.GetResponseAsync(new string('y', 320));
        await Task.Delay(50);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(6));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(second.IsCompletedSuccessfully);
    }

    private static ResilientChatClient CreateSut(IChatClient inner, ResilienceOptions options, ModelLimits limits, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new ResilientChatClient(inner, new ResilientCall("test:model", options, RetryPipeline.Create(options, time), limits, time));
    }

    private sealed class HangingThenAnswering : IChatClient
    {
        public int Calls { get; private set; }

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (++Calls == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "late but fine"));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class CountingClient : IChatClient
    {
        private int _inFlight;
        private int _max;

        public int MaxInFlight => _max;

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _max, now);
            await Task.Delay(5, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
