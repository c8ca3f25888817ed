using Assay.Migration.Runs;
using Assay.Text;

namespace Assay.Migration.Tests.Runs;

public sealed class StudyItemTests
{
    [Fact]
    public void KeptIn_DocumentAndReferenceReadBack_OtherFieldsKept()
    {
        using var spill = TextSpill.Create();
        var item = new StudyItem { ItemId = "abc", Row = 7, Document = "Pump 3 tripped — reset at 04:10.", Reference = "Pump reset.", Split = "dev", Paired = false };

        var kept = item.KeptIn(spill);

        Assert.Equal(item.Document, kept.Document);
        Assert.Equal(item.Reference, kept.Reference);
        Assert.Equal((item.ItemId, item.Row, item.Split, item.Paired), (kept.ItemId, kept.Row, kept.Split, kept.Paired));
        Assert.True(spill.Bytes > 0);
        Assert.Equal("test", (kept with { Split = "test" }).Split);
        Assert.Equal(item.Document, (kept with { Split = "test" }).Document);
    }

    [Fact]
    public void KeptIn_NoReference_StaysNullAndSpillsOnlyTheDocument()
    {
        using var spill = TextSpill.Create();

        var kept = new StudyItem { ItemId = "a", Row = 1, Document = "doc" }.KeptIn(spill);

        Assert.Null(kept.Reference);
        Assert.Equal(3, spill.Bytes);
    }

    [Fact]
    public void KeptIn_BlankReference_NotSpilledAndNoReference()
    {
        using var spill = TextSpill.Create();

        var kept = new StudyItem { ItemId = "a", Row = 1, Document = "doc", Reference = "  " }.KeptIn(spill);

        Assert.False(kept.HasReference);
        Assert.Equal("  ", kept.Reference);
        Assert.Equal(3, spill.Bytes);
        Assert.True(new StudyItem { ItemId = "b", Row = 2, Document = "d", Reference = "r" }.KeptIn(spill).HasReference);
    }
}
