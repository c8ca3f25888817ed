using Assay.Credit.Config;
using Assay.Credit.Outputs;
using Assay.Credit.Pipeline;
using Assay.Testing;

namespace Assay.Credit.Tests.Pipeline;

/// <summary>The bundled Lending Club config on the 2,000-loan sample (GPL data, read from ../shared, never copied).</summary>
public class LendingClubTests
{
    [SharedDataFact("credit/lending_club_sample.csv")]
    public void Run_Sample_EndToEndWithLgdEadAndExpectedLoss()
    {
        var config = ConfigLoader.Load(SharedData.InRepo("samples/credit/lending-club.yaml"));
        config.Data = SharedData.File("credit/lending_club_sample.csv");
        var result = CreditPipeline.Run(config);

        Assert.Equal(2000, result.Rows);
        Assert.InRange(result.Pd.Test.Auroc, 0.6, 0.85);
        Assert.NotNull(result.Lgd);
        Assert.Equal(243, result.Lgd!.DefaultedLoans);
        Assert.InRange(result.Lgd.MeanPredictedLgd, 0.5, 1);
        Assert.NotNull(result.Ead);
        Assert.InRange(result.Ead!.MeanCcf, 0.3, 1);
        Assert.InRange(result.ExpectedLoss!.ShareOfFunded, 0.02, 0.2);
        Assert.True(result.Ifrs9!.LoansOnBook > 0);
        Assert.True(result.Basel!.RiskWeightedAssets > 0);

        var dir = Path.Combine(Path.GetTempPath(), "assay-credit-lc-" + Guid.NewGuid().ToString("N"));
        var files = RunWriter.Write(result, dir, DateTimeOffset.UnixEpoch);
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
    }
}
