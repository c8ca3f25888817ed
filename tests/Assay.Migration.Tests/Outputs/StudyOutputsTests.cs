using System.Text.Json;
using System.Xml.Linq;
using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Outputs;
using Assay.Migration.Tests.Evaluation;
using Assay.Migration.Tests.Evaluation.TestDoubles;
using Assay.Migration.Tests.TestData;

namespace Assay.Migration.Tests.Outputs;

public sealed class StudyOutputsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "assay-outputs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_FullStudy_WritesSixFilesAndNoTemporaries()
    {
        var results = await Results();
        var files = await StudyOutputs.WriteAsync(results, dir);

        Assert.All(new[] { files.Report, files.Summary, files.Results, files.Junit, files.ItemsPage, files.ItemsCsv }, f => Assert.True(File.Exists(f), f));
        Assert.Equal(6, Directory.GetFiles(dir).Length);
    }

    [Fact]
    public async Task WriteAsync_SummaryJson_CarriesEveryModelFigureAndTheDecision()
    {
        var results = await Results();
        var files = await StudyOutputs.WriteAsync(results, dir);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(files.Summary));
        var root = doc.RootElement;

        Assert.Equal("1", root.GetProperty("schema_version").GetString());
        Assert.Equal(3, root.GetProperty("models").GetArrayLength());
        var source = root.GetProperty("models")[0];
        Assert.Equal("source", source.GetProperty("model").GetString());
        var p90 = source.GetProperty("latency_ms").GetProperty("client").GetProperty("p90");
        Assert.Equal(results.Statistics[0].ClientLatency!.P90.Value, p90.GetProperty("value").GetDouble(), 9);
        Assert.True(p90.GetProperty("lower").GetDouble() <= p90.GetProperty("value").GetDouble());
        Assert.Equal(0.000436, source.GetProperty("cost_per_call_usd").GetProperty("value").GetDouble(), 9);
        Assert.True(source.GetProperty("quality").TryGetProperty("judge.correctness", out _));
        Assert.Equal("cheap", root.GetProperty("decision").GetProperty("recommended_model").GetString());
        Assert.Equal("non_inferior", root.GetProperty("comparisons").EnumerateArray()
            .First(c => c.GetProperty("candidate").GetString() == "cheap" && c.GetProperty("metric").GetString() == "rougeL").GetProperty("verdict").GetString());
        Assert.Equal(0.3, root.GetProperty("decision").GetProperty("weighted_score").GetProperty("weights").GetProperty("latency").GetDouble());
        Assert.Equal("test:judge", root.GetProperty("versions").GetProperty("judge").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("judge_checks").ValueKind);
    }

    [Fact]
    public async Task WriteAsync_ResultsCsv_OneRowPerCallWithMetricColumns()
    {
        var results = await Results();
        var files = await StudyOutputs.WriteAsync(results, dir);
        var rows = SimpleCsv.Read(files.Results);

        Assert.Equal(results.Calls.Count, rows.Count);
        Assert.Contains("rougeL", rows[0].Keys);
        Assert.Contains("reasons:judge.correctness", rows[0].Keys);
        var first = rows.First(r => r["model"] == "cheap" && r["item_id"] == "item002");
        Assert.Equal("ok", first["status"]);
        Assert.Equal("3", first["row"]);
        Assert.Equal("0", first["repeat"]);
        Assert.Equal("0.75", first["judge.correctness"]);
        Assert.Equal("fine, \"quoted\"", first["reasons:judge.correctness"]);
        Assert.Equal(results.Calls.Single(c => c.Record.Model == "cheap" && c.Record.ItemId == "item002").Record.Response, first["response"]);
    }

    [Fact]
    public async Task WriteAsync_Junit_OneCasePerCriterionPerCandidateFailuresCarryTheFigure()
    {
        var results = await Results();
        var files = await StudyOutputs.WriteAsync(results, dir);
        var xml = XDocument.Load(files.Junit);
        var slow = xml.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "candidate slow");

        Assert.Equal(3, (int)slow.Attribute("tests")!);
        Assert.Equal(2, (int)slow.Attribute("failures")!);
        var cost = slow.Elements("testcase").Single(c => (string?)c.Attribute("name") == "cost");
        Assert.Contains("an increase", (string)cost.Element("failure")!.Attribute("message")!, StringComparison.Ordinal);
        var decision = xml.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "decision");
        Assert.Equal(0, (int)decision.Attribute("failures")!);
    }

    [Fact]
    public async Task WriteAsync_Report_IsSelfContainedWithChartsAndMethods()
    {
        var results = await Results();
        var files = await StudyOutputs.WriteAsync(results, dir);
        var html = await File.ReadAllTextAsync(files.Report);

        Assert.Contains("Recommended: cheap", html, StringComparison.Ordinal);
        Assert.True(html.Split("<svg").Length - 1 >= 7, "baseline grid, 2 box plots, quality bars, forest plots, 2 Pareto scatters");
        Assert.Contains("BCa-bootstrap interval, 300 resamples, seed 42", html, StringComparison.Ordinal);
        Assert.Contains("ROUGE (offline, extractive)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("id=\"item-review\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_FigureThatCannotBeComputed_IsNullNotNaN()
    {
        var results = await Results();
        var noCost = results with { Statistics = [results.Statistics[0] with { CostPerCallUsd = new Assay.Migration.Statistics.Estimate(double.NaN, null, null, 0) }, .. results.Statistics.Skip(1)] };
        var files = await StudyOutputs.WriteAsync(noCost, dir);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(files.Summary));
        var cost = doc.RootElement.GetProperty("models")[0].GetProperty("cost_per_call_usd");
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("lower").ValueKind);
    }

    [Fact]
    public async Task WriteAsync_UnwritableFolder_IsAClearError()
    {
        var file = Path.Combine(Path.GetTempPath(), "assay-not-a-folder-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "x");
        try
        {
            var ex = await Assert.ThrowsAsync<AssayException>(async () => await StudyOutputs.WriteAsync(await Results(), Path.Combine(file, "out")));
            Assert.Contains("--out", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task GateExitCode_NoRecommendation_IsThree()
    {
        var results = await Results();
        Assert.Equal(ExitCodes.Ok, StudyOutputs.GateExitCode(results));
        var none = results with { Decision = results.Decision with { RecommendedModel = null } };
        Assert.Equal(ExitCodes.GateFailed, StudyOutputs.GateExitCode(none));
    }

    private static Task<StudyResults> Results() => StudyEvaluator.EvaluateAsync(StudyEvaluatorTests.Input(new EvaluationOptions
    {
        Judges = new JudgeOptions
        {
            Judges = [new JudgeModel { Name = "j1", ModelId = "test:judge", Client = new ScriptedJudgeClient((_, _) => "{\"reasons\": \"fine, \\\"quoted\\\"\", \"score\": 4}") }],
            Metrics = [JudgeMetric.Correctness],
        },
        Criteria = new DecisionCriteria
        {
            Quality = [new QualityCriterion(MetricNames.RougeL, 0.25)],
            Latency = new LatencyCriterion { Statistic = "p90" },
            MinCostReductionPercent = 30,
        },
        BootstrapResamples = 300,
    }));
}
