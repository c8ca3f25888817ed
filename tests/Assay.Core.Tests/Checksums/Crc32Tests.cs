using System.Text;
using Assay.Checksums;

namespace Assay.Core.Tests.Checksums;

public sealed class Crc32Tests
{
    [Fact]
    public void Compute_StandardCheckString_MatchesPublishedValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Append_InTwoParts_EqualsOneShot()
    {
        var data = Encoding.ASCII.GetBytes("event stream framing");

        Assert.Equal(Crc32.Compute(data), Crc32.Append(Crc32.Compute(data.AsSpan(0, 7)), data.AsSpan(7)));
    }
}
