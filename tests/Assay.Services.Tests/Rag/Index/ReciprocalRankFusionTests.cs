using Assay.Services.Rag.Index;

namespace Assay.Services.Tests.Rag.Index;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_ItemHighInBothRankings_WinsOverItemFirstInOne()
    {
        var fused = ReciprocalRankFusion.Fuse([7, 2, 3], [2, 9, 7]);
        Assert.Equal(2, fused[0].Position);
        Assert.Equal((1.0 / 62) + (1.0 / 61), fused[0].Score, 12);
        Assert.Equal([2, 7, 9, 3], fused.Select(f => f.Position));
    }
}
