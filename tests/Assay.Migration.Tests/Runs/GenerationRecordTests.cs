using Assay.Migration.Runs;
using Assay.Text;

namespace Assay.Migration.Tests.Runs;

public sealed class GenerationRecordTests
{
    [Fact]
    public void KeptIn_AnswerReadBack_FailedCallUnchanged()
    {
        using var spill = TextSpill.Create();
        var ok = new GenerationRecord { Model = "cand", ModelId = "m", ItemId = "a", Prompt = "p", Response = "The pump was reset." };
        var failed = ok with { Response = null, Error = "throttled" };

        var keptOk = ok.KeptIn(spill);
        var keptFailed = failed.KeptIn(spill);

        Assert.Equal("The pump was reset.", keptOk.Response);
        Assert.True(keptOk.HasResponse);
        Assert.Same(failed, keptFailed);
        Assert.False(keptFailed.HasResponse);
    }
}
