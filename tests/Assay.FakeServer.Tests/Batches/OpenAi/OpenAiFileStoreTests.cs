using Assay.FakeServer.Batches.OpenAi;

namespace Assay.FakeServer.Tests.Batches.OpenAi;

public class OpenAiFileStoreTests
{
    [Fact]
    public void TryAdd_PastTheTotalBytes_RefusedUntilAFileIsDeleted()
    {
        var store = new OpenAiFileStore("n", maxTotalBytes: 100, maxFiles: 10);
        var first = store.TryAdd("a.jsonl", "batch", new byte[60], 0);
        Assert.NotNull(first);
        Assert.Null(store.TryAdd("b.jsonl", "batch", new byte[60], 0));
        Assert.True(store.Delete(first.Id));
        Assert.NotNull(store.TryAdd("b.jsonl", "batch", new byte[60], 0));
    }

    [Fact]
    public void TryAdd_PastTheFileCount_Refused()
    {
        var store = new OpenAiFileStore("n", maxTotalBytes: 1000, maxFiles: 2);
        Assert.NotNull(store.TryAdd("a", "batch", [1], 0));
        Assert.NotNull(store.TryAdd("b", "batch", [1], 0));
        Assert.Null(store.TryAdd("c", "batch", [1], 0));
    }
}
