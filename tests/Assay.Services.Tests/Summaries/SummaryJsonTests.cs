using Assay.Services.Summaries;

namespace Assay.Services.Tests.Summaries;

public sealed class SummaryJsonTests
{
    [Fact]
    public void Parse_FencedValidJson_Fields()
    {
        var (value, error) = SummaryJson.Parse("```json\n{\"equipment\":\"Pump P-3\",\"location\":null,\"problem\":\"leak\",\"actionsTaken\":null,\"nextSteps\":\"order seal\",\"urgency\":\"High\",\"text\":\"Pump leaks.\\nSeal needed.\"}\n```", lines: 2);
        Assert.Null(error);
        Assert.Equal("Pump P-3", value!.Equipment);
        Assert.Null(value.Location);
        Assert.Equal("high", value.Urgency);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{\"urgency\":\"meh\",\"text\":\"x\"}", "urgency")]
    [InlineData("{\"urgency\":\"low\"}", "text")]
    [InlineData("{\"urgency\":\"low\",\"text\":\"a\\nb\\nc\"}", "3 lines")]
    public void Parse_InvalidReply_SaysWhy(string reply, string reason)
    {
        var (value, error) = SummaryJson.Parse(reply, lines: 2);
        Assert.Null(value);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
