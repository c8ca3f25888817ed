using System.Text.Json;
using Assay.Migration.Evaluation;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Tests.Evaluation.TestDoubles;

namespace Assay.Migration.Tests.Evaluation.Judges;

public sealed class EvaluationJobJsonlTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("assay-jsonl-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task WriteAsync_ModelRecords_HaveTheServiceFields()
    {
        var items = SyntheticStudy.Items(3);
        var path = Path.Combine(dir, "cheap.jsonl");
        await EvaluationJobJsonl.WriteAsync(path, EvaluationJobJsonl.ForModel("cheap", SyntheticStudy.Records(items), items));

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(3, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        var o = doc.RootElement;
        Assert.Equal("Summarise this report:\nReport 0", o.GetProperty("prompt").GetString());
        Assert.Equal("Summarization", o.GetProperty("category").GetString());
        Assert.Equal(items[0].Reference, o.GetProperty("referenceResponse").GetString());
        Assert.Equal("test:cheap", o.GetProperty("modelResponses")[0].GetProperty("modelIdentifier").GetString());
    }

    [Fact]
    public async Task ReadResultsAsync_ServiceOutput_ReadsScoresPerMetric()
    {
        var path = Path.Combine(dir, "out.jsonl");
        await File.WriteAllTextAsync(path,
            "{\"automatedEvaluationResult\":{\"scores\":[{\"metricName\":\"Builtin.Correctness\",\"result\":1.0},{\"metricName\":\"Builtin.ProfessionalStyleAndTone\",\"result\":0.5},{\"metricName\":\"Builtin.Completeness\",\"result\":null}]},"
            + "\"inputRecord\":{\"prompt\":\"p\",\"category\":\"Summarization\",\"referenceResponse\":\"r\",\"modelResponses\":[{\"response\":\"answer\",\"modelIdentifier\":\"m\"}]}}\n\n");

        var result = Assert.Single(await EvaluationJobJsonl.ReadResultsAsync(path));
        Assert.Equal("answer", result.Input.Response);
        Assert.Equal(1.0, result.Scores["managed.correctness"]);
        Assert.Equal(0.5, result.Scores["managed.professional_style_and_tone"]);
        Assert.Null(result.Scores["managed.completeness"]);
    }

    [Fact]
    public async Task ReadResultsAsync_BadLine_NamesFileAndLine()
    {
        var path = Path.Combine(dir, "bad.jsonl");
        await File.WriteAllTextAsync(path, "{\"automatedEvaluationResult\":{\"scores\":[]},\"inputRecord\":{\"prompt\":\"p\",\"modelResponses\":[{\"response\":\"a\"}]}}\n{\"prompt\": \"only\"}\n");
        var ex = await Assert.ThrowsAsync<AssayException>(() => EvaluationJobJsonl.ReadResultsAsync(path));
        Assert.Contains("bad.jsonl, line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ImportedJudgements_BecomeManagedMetricsOnTheMatchingCalls()
    {
        var input = StudyEvaluatorTests.Input(new EvaluationOptions { BootstrapResamples = 100 });
        var exported = EvaluationJobJsonl.ForModel("cheap", input.Records, input.Items);
        var imported = exported.Select((r, i) => new EvaluationJobResult(r, new Dictionary<string, double?> { ["managed.correctness"] = i % 2 })).ToList();
        imported.Add(new EvaluationJobResult(exported[0] with { Response = "not a response of this study" }, new Dictionary<string, double?> { ["managed.correctness"] = 1 }));

        var results = await StudyEvaluator.EvaluateAsync(input with { Options = input.Options with { ImportedJudgements = imported } });

        Assert.Contains("managed.correctness", results.Metrics);
        Assert.Equal(0.0, results.Calls.Single(c => c.Record.Model == "cheap" && c.Record.ItemId == "item000").Scores["managed.correctness"]);
        Assert.Equal(1.0, results.Calls.Single(c => c.Record.Model == "cheap" && c.Record.ItemId == "item001").Scores["managed.correctness"]);
        Assert.Equal(40, results.Statistics.Single(s => s.Model == "cheap").Quality["managed.correctness"].N);
        Assert.Contains(results.Notes, n => n.Message.StartsWith("1 of 41 imported", StringComparison.Ordinal));
    }
}
