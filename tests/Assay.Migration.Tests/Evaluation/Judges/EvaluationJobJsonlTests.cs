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
        imported.Add(new EvaluationJobResult(exported[0] with { Prompt = "a prompt of another study", ModelIdentifier = "other" }, new Dictionary<string, double?> { ["managed.correctness"] = 1 }) { Source = "job.jsonl line 41" });

        var results = await StudyEvaluator.EvaluateAsync(input with { Options = input.Options with { ImportedJudgements = imported } });

        Assert.Contains("managed.correctness", results.Metrics);
        Assert.Equal(0.0, results.Calls.Single(c => c.Record.Model == "cheap" && c.Record.ItemId == "item000").Scores["managed.correctness"]);
        Assert.Equal(1.0, results.Calls.Single(c => c.Record.Model == "cheap" && c.Record.ItemId == "item001").Scores["managed.correctness"]);
        Assert.Equal(40, results.Statistics.Single(s => s.Model == "cheap").Quality["managed.correctness"].N);
        var note = Assert.Single(results.Notes, n => n.Message.StartsWith("1 of 41 imported", StringComparison.Ordinal));
        Assert.Contains("job.jsonl line 41: no call of this study has its prompt or a dataset document in it", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ImportedByDocumentAndArn_MatchTheItemAndModel_UnknownModelListed()
    {
        var input = StudyEvaluatorTests.Input(new EvaluationOptions { BootstrapResamples = 100 });
        var source = EvaluationJobJsonl.ForModel("source", input.Records, input.Items)[12];

        // The service's own prompt wraps the document differently; the model is named by an ARN ending in its id.
        var byDocument = new EvaluationJobRecord("Evaluate the summary of:\nReport 12\n(end)", "Summarization", null, "the service's own response", "arn:aws:bedrock:us-east-1::foundation-model/source");
        var unknownModel = source with { ModelIdentifier = "arn:aws:bedrock:us-east-1::foundation-model/nova-micro" };
        var imported = new List<EvaluationJobResult>
        {
            new(source with { ModelIdentifier = "test:source" }, new Dictionary<string, double?> { ["managed.correctness"] = 0.25 }) { Source = "a.jsonl line 1" },
            new(byDocument, new Dictionary<string, double?> { ["managed.completeness"] = 0.75 }) { Source = "a.jsonl line 2" },
            new(unknownModel, new Dictionary<string, double?> { ["managed.correctness"] = 1 }) { Source = "a.jsonl line 3" },
        };

        var results = await StudyEvaluator.EvaluateAsync(input with { Options = input.Options with { ImportedJudgements = imported } });

        var call = results.Calls.Single(c => c.Record.Model == "source" && c.Record.ItemId == "item012");
        Assert.Equal(0.25, call.Scores["managed.correctness"]);
        Assert.Equal(0.75, call.Scores["managed.completeness"]);
        Assert.DoesNotContain(results.Calls.Where(c => c.Record.ItemId != "item012"), c => c.Scores.ContainsKey("managed.completeness"));
        var note = Assert.Single(results.Notes, n => n.Subject == "managed evaluation");
        Assert.Contains("1 of 3 imported", note.Message, StringComparison.Ordinal);
        Assert.Contains("a.jsonl line 3: model 'arn:aws:bedrock:us-east-1::foundation-model/nova-micro' is not a model of this study", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResultsAsync_ScoreOutsideZeroToOne_NamesFileAndLine()
    {
        var path = Path.Combine(dir, "range.jsonl");
        await File.WriteAllTextAsync(path, "{\"automatedEvaluationResult\":{\"scores\":[{\"metricName\":\"Builtin.Correctness\",\"result\":4}]},\"inputRecord\":{\"prompt\":\"p\",\"modelResponses\":[{\"response\":\"a\",\"modelIdentifier\":\"m\"}]}}\n");
        var ex = await Assert.ThrowsAsync<AssayException>(() => EvaluationJobJsonl.ReadResultsAsync(path));
        Assert.Contains("range.jsonl, line 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a result from 0 to 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResultsAsync_ModelResponsesBesideTheInputRecord_AsTheServiceWritesThem()
    {
        var path = Path.Combine(dir, "top.jsonl");
        await File.WriteAllTextAsync(path, "{\"automatedEvaluationResult\":{\"scores\":[{\"metricName\":\"Builtin.Faithfulness\",\"result\":0.5}]},\"inputRecord\":{\"prompt\":\"p\",\"referenceResponse\":\"r\"},\"modelResponses\":[{\"response\":\"a\",\"modelIdentifier\":\"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0\"}]}\n");
        var result = Assert.Single(await EvaluationJobJsonl.ReadResultsAsync(path));
        Assert.Equal("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0", result.Input.ModelIdentifier);
        Assert.Equal(0.5, result.Scores["managed.faithfulness"]);
        Assert.Equal(path + " line 1", result.Source);
    }
}
