using System.Text.Json;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;

namespace Assay.FakeServer.Tests.Timing;

/// <summary>A batch job's stages wait on the injected clock, so a test can move a long job along without waiting for it.</summary>
public sealed class BatchTimingTests
{
    [Fact]
    public async Task OpenAiBatch_OfOneMinute_WaitsOnTheInjectedClock_AndEndsWhenItIsAdvanced()
    {
        var clock = new ServerClock();
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Batch = new BatchOptions { JobDurationMs = 60_000 } }, clock);
        var fileId = await BatchCalls.UploadLinesAsync(harness, [BatchCalls.ChatLine("a", "Clocked. Yes.")]);
        var created = await BatchCalls.CreateOpenAiBatchAsync(harness, fileId);
        var id = created.GetProperty("id").GetString()!;

        await clock.WaitForTimersAsync();
        var stillValidating = await BatchCalls.GetOpenAiBatchAsync(harness, id);

        // The clock is moved on until the job ends: a job whose next wait was not yet set up when the
        // clock moved would otherwise wait forever (the race that made one advance flaky).
        var ended = stillValidating;
        for (var step = 0; step < 100 && ended.GetProperty("status").GetString() is not ("completed" or "failed" or "expired"); step++)
        {
            clock.Advance(TimeSpan.FromSeconds(61));
            await Task.Delay(20);
            ended = await BatchCalls.GetOpenAiBatchAsync(harness, id);
        }

        Assert.Equal("validating", stillValidating.GetProperty("status").GetString());
        Assert.Equal("completed", ended.GetProperty("status").GetString());
        Assert.True(ended.GetProperty("completed_at").GetInt64() - created.GetProperty("created_at").GetInt64() >= 60, "the job ended only after a minute on the injected clock");
        Assert.Equal(JsonValueKind.String, ended.GetProperty("output_file_id").ValueKind);
    }
}
