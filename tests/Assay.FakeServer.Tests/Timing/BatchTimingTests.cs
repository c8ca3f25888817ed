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
        clock.Advance(TimeSpan.FromSeconds(61));
        var ended = await BatchCalls.WaitForOpenAiBatchAsync(harness, id);

        Assert.Equal("validating", stillValidating.GetProperty("status").GetString());
        Assert.Equal("completed", ended.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("created_at").GetInt64() + 61, ended.GetProperty("completed_at").GetInt64());
        Assert.Equal(JsonValueKind.String, ended.GetProperty("output_file_id").ValueKind);
    }
}
