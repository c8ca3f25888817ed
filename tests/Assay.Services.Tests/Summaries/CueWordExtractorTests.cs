using Assay.Services.Summaries;

namespace Assay.Services.Tests.Summaries;

public sealed class CueWordExtractorTests
{
    [Fact]
    public void Extract_IncidentReport_PicksTheReportsOwnSentences()
    {
        const string report = "At 07:40 the cooling pump P-204 tripped. The unit is located in building 3, basement plant room. " +
            "We isolated the pump and replaced the blown fuse. A new bearing must be ordered before restart. Production stopped on line 2, so this is urgent.";
        var fields = CueWordExtractor.Extract(report);
        Assert.Equal("At 07:40 the cooling pump P-204 tripped.", fields.Equipment);
        Assert.Equal("The unit is located in building 3, basement plant room.", fields.Location);
        Assert.Equal("We isolated the pump and replaced the blown fuse.", fields.ActionsTaken);
        Assert.Equal("A new bearing must be ordered before restart.", fields.NextSteps);
        Assert.Equal("high", fields.Urgency);
    }

    [Theory]
    [InlineData("Smoke and a fire alarm in the switch room.", "critical")]
    [InlineData("Intermittent noise, monitor this week.", "medium")]
    [InlineData("Paint is scratched on the cover.", "low")]
    public void Urgency_Cues_Level(string report, string level) => Assert.Equal(level, CueWordExtractor.Urgency(report));
}
