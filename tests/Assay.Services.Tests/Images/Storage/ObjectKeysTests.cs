using Assay.Services.Images.Storage;

namespace Assay.Services.Tests.Images.Storage;

public sealed class ObjectKeysTests
{
    [Theory]
    [InlineData("../secret.png")]
    [InlineData("acme/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("acme\\..\\x.png")]
    [InlineData("acme//x.png")]
    [InlineData("acme/./x.png")]
    [InlineData("acme/x y.png")]
    [InlineData("")]
    public void Validate_EscapingOrOddKeys_Refused(string key) =>
        Assert.Throws<AssayException>(() => ObjectKeys.Validate(key));

    [Fact]
    public void NewImageKey_TenantDatedAndValid()
    {
        var key = ObjectKeys.NewImageKey("acme", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero), ".png");
        Assert.StartsWith("acme/2026/11/22/", key, StringComparison.Ordinal);
        Assert.EndsWith(".png", key, StringComparison.Ordinal);
    }
}
