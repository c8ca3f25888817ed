using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Outputs;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;

namespace Assay.Credit.Tests.Pipeline;

public class GeneratedDataTests
{
    private static readonly Lazy<CreditRunResult> Shared = new(() => CreditPipeline.Run(TestData.GeneratedConfig(TestData.GeneratedCsv)));

    [Fact]
    public void Run_TrueBreaks_RecoverTheKnownEffectsWithinTheirConfidenceIntervals()
    {
        var result = CreditPipeline.Run(PortfolioGenerator.TrueModelConfig("generated"), PortfolioGenerator.Generate(60_000, 21));
        var fit = result.Pd.Fit;
        var truth = PortfolioGenerator.TrueEffects.ToDictionary(e => $"{e.Variable}: {e.Class}", e => e.Effect, StringComparer.Ordinal);
        var within95 = 0;
        var checkedCount = 0;
        foreach (var sv in result.Pd.Scorecard.Variables)
        {
            var reference = truth[$"{sv.Name}: {sv.Bins.Labels[sv.ReferenceClass]}"];
            for (var k = 0; k < sv.Bins.ClassCount; k++)
            {
                if (k == sv.ReferenceClass)
                {
                    continue;
                }

                var name = $"{sv.Name}: {sv.Bins.Labels[k]}";
                var j = Array.IndexOf(fit.Names, name);
                Assert.True(j > 0, $"{name} is not in the model");
                var expected = truth[name] - reference;
                var z = Math.Abs(fit.Beta[j] - expected) / fit.StdError[j];
                Assert.True(z < 3.29, $"{name}: fitted {fit.Beta[j]:F3} +- {fit.StdError[j]:F3}, true {expected:F3} (outside the 99.9% interval)");
                within95 += z < 1.96 ? 1 : 0;
                checkedCount++;
            }
        }

        Assert.Equal(PortfolioGenerator.TrueEffects.Count - 11, checkedCount);
        Assert.True(within95 >= 0.85 * checkedCount, $"{within95} of {checkedCount} true effects inside the 95% interval");
        var intercept = PortfolioGenerator.Intercept + result.Pd.Scorecard.Variables.Sum(sv => truth[$"{sv.Name}: {sv.Bins.Labels[sv.ReferenceClass]}"]);
        Assert.InRange(intercept, fit.Beta[0] - (3.29 * fit.StdError[0]), fit.Beta[0] + (3.29 * fit.StdError[0]));
    }

    [Fact]
    public void Run_WithLgdEadIfrs9AndBasel_ProducesEveryOutput()
    {
        var result = Shared.Value;
        Assert.NotNull(result.Lgd);
        Assert.NotNull(result.Ead);
        Assert.InRange(result.ExpectedLoss!.ShareOfFunded, 0.005, 0.3);
        Assert.Equal(3, result.Ifrs9!.Stages.Count);
        Assert.True(result.Basel!.Capital > 0);

        var dir = Path.Combine(Path.GetTempPath(), "assay-credit-out-" + Guid.NewGuid().ToString("N"));
        RunWriter.Write(result, dir, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var f in new[] { "report.html", "summary.json", "scorecard.json", "scorecard.sql", "loans.csv" })
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        }

        var loans = Assay.Tabular.TabularReader.ReadCsv(Path.Combine(dir, "loans.csv"));
        Assert.Equal(result.Loans.Count, loans.Rows.Count);
        Assert.Equal(result.Loans[0].Id ?? "", loans.Text(loans.Rows[0], "id"));
        Assert.Equal("expected_loss", loans.Header[6]);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("ROC curve", html, StringComparison.Ordinal);
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal("assay-credit-summary/1", summary.RootElement.GetProperty("schema").GetString());
        Assert.Equal(result.Pd.Test.Auroc, summary.RootElement.GetProperty("pd").GetProperty("test").GetProperty("auroc").GetDouble(), 12);
    }

    [Fact]
    public void Score_StoredScorecard_GivesTheSameScoresAsTheRun()
    {
        var result = Shared.Value;
        var dir = Path.Combine(Path.GetTempPath(), "assay-credit-out-" + Guid.NewGuid().ToString("N"));
        RunWriter.Write(result, dir, DateTimeOffset.UnixEpoch);
        var model = ScorecardModel.Load(Path.Combine(dir, "scorecard.json"));
        var scored = ScoringService.ScoreFile(model, TestData.GeneratedCsv);
        Assert.Equal(result.Loans.Select(l => l.Score), scored.Select(s => s.Score));
        Assert.All(scored, s => Assert.InRange(s.Score, 300, 850));
        Assert.All(scored.Take(50), s => Assert.True(s.Reasons.Count <= 3));
    }

    [Fact]
    public void ScoreRecord_MissingAndUnseenValues_FollowTheStatedRules()
    {
        var result = Shared.Value;
        var model = result.Pd.Scorecard;
        var record = model.Inputs.ToDictionary(p => p.Name, p => (string?)null, StringComparer.Ordinal);
        record["grade"] = "Z";
        record["purpose"] = "a purpose never seen";
        record["term"] = " 36 months";
        var scored = ScoringService.ScoreRecord(model, record);
        var grade = model.Variables.FirstOrDefault(v => v.Name == "grade");
        if (grade is not null)
        {
            var reason = scored.Reasons.FirstOrDefault(r => r.Variable == "grade");
            Assert.True(reason is null || reason.Class == "not seen at fit");
        }

        Assert.InRange(scored.Score, 300, 850);
        Assert.Equal(model.Pd(scored.Score), scored.Pd, 12);
    }

    [Fact]
    public void Monitor_ShiftedPopulation_RaisesThePsi()
    {
        var result = Shared.Value;
        var dir = Path.Combine(Path.GetTempPath(), "assay-credit-out-" + Guid.NewGuid().ToString("N"));
        RunWriter.Write(result, dir, DateTimeOffset.UnixEpoch);
        var model = ScorecardModel.Load(Path.Combine(dir, "scorecard.json"));
        var same = ScoringService.Monitor(model, TestData.WriteGenerated(4000, 12));
        var shifted = ScoringService.Monitor(model, TestData.WriteGenerated(4000, 12, shift: 1));
        var sameScore = same.Single(p => p.Variable == "score").Psi;
        var shiftedScore = shifted.Single(p => p.Variable == "score").Psi;
        Assert.True(sameScore < 0.1, $"same population PSI {sameScore}");
        Assert.True(shiftedScore > sameScore * 2, $"shifted PSI {shiftedScore} vs {sameScore}");
    }

    [Fact]
    public void MonitorWindows_ByQuarterOfIssueDate_WindowsInTimeOrderCoveringEveryApplicant()
    {
        var dir = Path.Combine(Path.GetTempPath(), "assay-credit-out-" + Guid.NewGuid().ToString("N"));
        RunWriter.Write(Shared.Value, dir, DateTimeOffset.UnixEpoch);
        var model = ScorecardModel.Load(Path.Combine(dir, "scorecard.json"));
        var data = TestData.WriteGenerated(4000, 13);

        var (windows, skipped) = ScoringService.MonitorWindows(model, data, "issue_d", Assay.Credit.Monitoring.WindowSize.Quarter, minApplicants: 50);

        Assert.True(windows.Count >= 4, $"{windows.Count} quarters");
        Assert.Equal(windows.Select(w => w.Window).Order(StringComparer.Ordinal), windows.Select(w => w.Window));
        Assert.All(windows, w => Assert.Matches("^[0-9]{4}-Q[1-4]$", w.Window));
        Assert.Equal(4000, windows.Sum(w => w.Applicants) + skipped.Sum(s => s.Applicants));
        Assert.All(windows, w => Assert.Equal(model.Variables.Count + 1, w.Results.Count));
        Assert.All(skipped, s => Assert.True(s.Applicants < 50));

        // The same population, window by window, stays below the shift threshold for the score.
        Assert.All(windows.Where(w => w.Applicants >= 400), w => Assert.True(w.Score.Psi < 0.1, $"{w.Window}: score PSI {w.Score.Psi}"));
    }

    [Fact]
    public void MonitorWindows_CellThatIsNotADate_RefusedNamingLineAndColumn()
    {
        var dir = Path.Combine(Path.GetTempPath(), "assay-credit-out-" + Guid.NewGuid().ToString("N"));
        RunWriter.Write(Shared.Value, dir, DateTimeOffset.UnixEpoch);
        var model = ScorecardModel.Load(Path.Combine(dir, "scorecard.json"));
        var lines = File.ReadAllLines(TestData.GeneratedCsv);
        var column = Array.IndexOf(lines[0].Split(','), "issue_d");
        var cells = lines[3].Split(',');
        cells[column] = "sometime";
        lines[3] = string.Join(',', cells);
        var data = TestData.WriteCsv(string.Join('\n', lines));

        var ex = Assert.Throws<AssayException>(() => ScoringService.MonitorWindows(model, data, "issue_d", Assay.Credit.Monitoring.WindowSize.Month));
        Assert.Contains("line 4: column 'issue_d' is 'sometime', not a date", ex.Message, StringComparison.Ordinal);
    }
}
