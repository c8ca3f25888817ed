using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Evaluation;
using Assay.Services.Tests.Doubles;

namespace Assay.Services.Tests.Rag.Evaluation;

/// <summary>
/// The CI gate on the policy evaluation set (Data/policies: five documents written for the
/// project, 178 answerable and 151 unanswerable questions, split dev/test by question and by
/// document), with the offline sentence model and default settings: what `assay rag eval`
/// prints. The floors are the test-split figures measured when the settings were frozen on dev
/// (results.txt), a little below them, so a change that loses ground fails here; the goal
/// (90% accuracy, 95% recall on test) is not reached yet and is not asserted.
/// </summary>
public sealed class PolicyEvaluationTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "policies");

    [Fact]
    public async Task EvaluateAsync_PolicySet_TestSplitHoldsItsFloorsAndOffTopicIsAllRefused()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "assay-policies-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var models = new DoubleModelFactory();
            var options = new ServicesOptions { DataDir = dataDir };
            var rag = new RagService(models, options, TimeProvider.System);
            foreach (var pdf in Directory.GetFiles(Folder, "*.pdf").Order())
            {
                await rag.IngestAsync("local", "policies", Path.GetFileName(pdf), await File.ReadAllBytesAsync(pdf), CancellationToken.None);
            }

            var items = QaSetReader.Read(Path.Combine(Folder, "questions.jsonl"));
            var report = await new RetrievalEvaluator(rag).EvaluateAsync("local", "policies", items, 3, RelevanceGate.From(options.Rag), options.Rag.TopK, CancellationToken.None);
            var shown = EvaluationReportWriter.Format(report);
            var test = report.Splits.Single(s => s.Split == "test");
            var dev = report.Splits.Single(s => s.Split == "dev");

            Assert.True(items.Count(i => i.Answerable) >= 150 && items.Count(i => !i.Answerable) >= 150 && items.Count(i => i.Kind == "near-topic") >= 75, shown);
            Assert.Equal("dev", report.GateSplit);
            Assert.Equal(1.0, test.OffTopicRefused.Value);
            Assert.True(test.Accuracy.Value >= 0.72, shown);
            Assert.True(test.AnswerableRecall.Value >= 0.75, shown);
            Assert.True(test.NearTopicRefused.Value >= 0.5, shown);
            // The answer-type check earns its place: on dev it beats the relevance gate alone.
            Assert.True(dev.Accuracy.Value > report.Gate.Accuracy, shown);
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, true);
            }
        }
    }
}
