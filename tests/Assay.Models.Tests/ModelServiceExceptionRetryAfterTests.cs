namespace Assay.Models.Tests;

public class ModelServiceExceptionRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2.5", 2.5)]
    [InlineData("Fri, 04 Dec 2026 12:00:30 GMT", 30)]
    [InlineData("99999", 3600)] // an absurd wait is capped at an hour
    public void ParseRetryAfter_SecondsOrHttpDate_TheWait(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ModelServiceException.ParseRetryAfter(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    [InlineData("Fri, 04 Dec 2026 11:59:00 GMT")] // a date already past
    public void ParseRetryAfter_AbsentOrUnreadable_Null(string? value) =>
        Assert.Null(ModelServiceException.ParseRetryAfter(value, Now));
}
