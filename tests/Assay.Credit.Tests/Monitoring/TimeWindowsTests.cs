using Assay.Credit.Monitoring;

namespace Assay.Credit.Tests.Monitoring;

public class TimeWindowsTests
{
    [Theory]
    [InlineData("Dec-2015", WindowSize.Month, "2015-12")]
    [InlineData("Dec-2015", WindowSize.Quarter, "2015-Q4")]
    [InlineData("Jan-2016", WindowSize.Quarter, "2016-Q1")]
    [InlineData("2015-07", WindowSize.Quarter, "2015-Q3")]
    [InlineData("2015-07-31", WindowSize.Year, "2015")]
    [InlineData("7/31/2015", WindowSize.Month, "2015-07")]
    [InlineData(" Apr-2014 ", WindowSize.Month, "2014-04")]
    public void Of_DateInAKnownFormat_ItsWindowName(string cell, WindowSize size, string window) =>
        Assert.Equal(window, TimeWindows.Of(cell, size));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2015-13")]
    public void Of_NotADate_Null(string? cell) => Assert.Null(TimeWindows.Of(cell, WindowSize.Month));

    [Fact]
    public void Parse_UnknownWindow_RefusedNamingTheOption()
    {
        var ex = Assert.Throws<AssayException>(() => TimeWindows.Parse("week", "--window"));
        Assert.Contains("--window is 'week'; use month, quarter or year", ex.Message, StringComparison.Ordinal);
    }
}
