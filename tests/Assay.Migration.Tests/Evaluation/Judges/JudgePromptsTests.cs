using Assay.Migration.Evaluation.Judges;

namespace Assay.Migration.Tests.Evaluation.Judges;

public class JudgePromptsTests
{
    [Fact]
    public void Pointwise_CorrectnessRubric_ShowsScaleTaskReferenceAndResponse()
    {
        var p = JudgePrompts.Pointwise(JudgeRubrics.For(JudgeMetric.Correctness), "Summarise: pump 3 failed", "Pump 3 failed.", "The pump failed.");
        Assert.Contains("5 = every statement is accurate", p, StringComparison.Ordinal);
        Assert.Contains("<<<REFERENCE ANSWER", p, StringComparison.Ordinal);
        Assert.Contains("The pump failed.", p, StringComparison.Ordinal);
        Assert.Contains("\"score\"", p, StringComparison.Ordinal);
    }

    [Fact]
    public void Pointwise_StyleRubric_LeavesTheReferenceOut()
    {
        var p = JudgePrompts.Pointwise(JudgeRubrics.For(JudgeMetric.ProfessionalStyleAndTone), "task", "reference text", "response");
        Assert.DoesNotContain("reference text", p, StringComparison.Ordinal);
    }

    [Fact]
    public void Rubrics_EveryMetric_HasOne()
    {
        foreach (var m in Enum.GetValues<JudgeMetric>())
        {
            var r = JudgeRubrics.For(m);
            Assert.Equal(r.Scale == JudgeScale.FiveLevels ? 5 : 2, r.Levels.Count);
        }
    }
}
