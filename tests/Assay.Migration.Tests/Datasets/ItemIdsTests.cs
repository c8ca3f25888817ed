using Assay.Migration.Datasets;

namespace Assay.Migration.Tests.Datasets;

public class ItemIdsTests
{
    [Fact]
    public void For_SameTextDifferentWhitespace_SameId()
    {
        Assert.Equal(ItemIds.For("A pump  tripped.\nCrew reset it."), ItemIds.For("  A pump tripped. Crew\treset it.\n"));
    }

    [Fact]
    public void For_DifferentText_DifferentSixteenHexId()
    {
        var a = ItemIds.For("A pump tripped.");
        var b = ItemIds.For("A fan tripped.");
        Assert.NotEqual(a, b);
        Assert.Matches("^[0-9a-f]{16}$", a);
    }
}
