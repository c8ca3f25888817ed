using Assay.Services.Images.Storage;

namespace Assay.Services.Tests.Images.Storage;

public sealed class LocalImageStoreTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task LinkAsync_SignedLink_ValidUntilExpiryForItsKeyOnly()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        var root = Path.Combine(Path.GetTempPath(), "assay-local-" + Guid.NewGuid().ToString("N"));
        var store = new LocalImageStore(root, new LinkSigner([1, 2, 3, 4], time));
        await store.PutAsync("acme/a.png", [1, 2, 3], "image/png", CancellationToken.None);
        var link = await store.LinkAsync("acme/a.png", time.Now.AddMinutes(5), CancellationToken.None);
        var query = System.Web.HttpUtility.ParseQueryString(link.OriginalString.Split('?')[1]);
        var expires = long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture);
        var sig = query["sig"]!;

        Assert.True(store.Verify("acme/a.png", expires, sig));
        Assert.False(store.Verify("acme/b.png", expires, sig));
        Assert.False(store.Verify("acme/a.png", expires + 60, sig));
        time.Now = time.Now.AddMinutes(6);
        Assert.False(store.Verify("acme/a.png", expires, sig));
        Directory.Delete(root, true);
    }

    [Fact]
    public void Resolve_TraversalKey_Refused()
    {
        var store = new LocalImageStore(Path.GetTempPath(), new LinkSigner([1], TimeProvider.System));
        Assert.Throws<AssayException>(() => store.Resolve("../../etc/passwd"));
    }
}
