using Assay.Migration.Evaluation.Reference;

namespace Assay.Migration.Tests.Evaluation.Reference;

public class LengthRatioTests
{
    [Fact]
    public void Compute_CountsWhitespaceWords()
    {
        Assert.Equal(2.0, LengthRatio.Compute("one two  three\nfour", "a b"));
    }

    [Fact]
    public void Compute_EmptyReference_IsNull()
    {
        Assert.Null(LengthRatio.Compute("words", "   "));
    }
}
