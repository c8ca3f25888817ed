using Assay.Migration.Evaluation;
using Assay.Migration.Outputs;
using Assay.Migration.Runs;
using Assay.Migration.Tests.Evaluation;
using Assay.Migration.Tests.Evaluation.TestDoubles;

namespace Assay.Migration.Tests.Outputs;

public sealed class ItemReviewTests
{
    [Fact]
    public async Task Build_EveryItemOnceWithEveryModelAndTheRegressionOnThePrimaryMetric()
    {
        var results = await Results();
        var (count, lazy) = ItemReview.Build(results);
        var items = lazy.ToList();

        Assert.Equal(results.Calls.Select(c => c.Record.ItemId).Distinct().Count(), count);
        Assert.Equal(count, items.Count);
        var item = items[0];
        Assert.Equal(results.Models.Select(m => m.Label), item.Cells.Select(c => c.Model));
        var source = item.Cells.Single(c => c.Model == "source");
        Assert.Null(source.Regression);
        var metric = results.PrimaryQualityMetric!;
        foreach (var cell in item.Cells.Where(c => c.Model != "source" && c.Scores.ContainsKey(metric)))
        {
            Assert.Equal(cell.Scores[metric] - source.Scores[metric], cell.Difference!.Value, 12);
            Assert.Equal(-cell.Difference.Value, cell.Regression!.Value, 12); // higher is better: a drop is a regression
        }

        Assert.Equal(results.Items.First(i => i.ItemId == item.ItemId).Reference, item.Reference);
    }

    [Fact]
    public async Task Build_FailedCall_FlagsTheItemAndKeepsTheError()
    {
        var records = SyntheticStudy.Records(SyntheticStudy.Items(40));
        records[0] = records[0] with { Response = null, Error = "throttled after 4 attempts" };
        var results = await StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions { BootstrapResamples = 50 }, records));

        var item = ItemReview.Build(results).Items.Single(i => i.ItemId == records[0].ItemId);
        Assert.True(item.Failed);
        Assert.Equal("throttled after 4 attempts", item.Cells.Single(c => c.Model == records[0].Model).Error);
    }

    [Fact]
    public async Task Report_LargeStudy_ShowsTheFirst500AndThePageHoldsThemAll()
    {
        var small = await Results();
        var template = small.Calls[0];
        var many = Enumerable.Range(0, 620).SelectMany(i => small.Models.Select(m => template with
        {
            Record = template.Record with { Model = m.Label, ItemId = "big" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Response = "answer " + i },
        })).ToList();
        var big = small with { Calls = many, Items = [.. Enumerable.Range(0, 620).Select(i => new StudyItem { ItemId = "big" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Row = i + 1, Document = "doc " + i, Reference = "ref " + i })] };

        var report = ReportHtml.Build(big).ToHtml();
        var page = ItemReviewHtml.Page(big).ToHtml();

        Assert.Equal(ItemReview.ReportLimit, CountRows(report));
        Assert.Contains("The first 500 of 620 items", report, StringComparison.Ordinal);
        Assert.Equal(620, CountRows(page));
        Assert.Contains("data-page-size=\"100\"", page, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "assay-items-" + Guid.NewGuid().ToString("N") + ".csv");
        await CsvText.WriteFileAsync(path, ItemsCsv.Table(big), CancellationToken.None);
        try
        {
            Assert.Equal(620, Assay.Tabular.TabularReader.ReadCsv(path).Rows.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Html_EscapesEveryText()
    {
        var results = await Results();
        var evil = results with { Calls = [.. results.Calls.Select((c, i) => i == 0 ? c with { Record = c.Record with { Response = "<script>alert(1)</script> & \"x\"" } } : c)] };

        var html = ReportHtml.Build(evil).ToHtml();
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", html, StringComparison.Ordinal);
    }

    private static int CountRows(string html) => html.Split("<tr data-order=").Length - 1;

    private static Task<StudyResults> Results() => StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions { BootstrapResamples = 50 }));
}
