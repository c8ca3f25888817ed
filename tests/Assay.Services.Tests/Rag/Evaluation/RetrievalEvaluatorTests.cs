using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Rag.Evaluation;
using Assay.Services.Rag.Index;
using Assay.Services.Tests.Doubles;

namespace Assay.Services.Tests.Rag.Evaluation;

/// <summary>Retrieval quality on the handbook with the offline sentence model: the numbers `assay rag eval` prints.</summary>
public sealed class RetrievalEvaluatorTests
{
    private static string HrData(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "hr", file);

    [Fact]
    public async Task EvaluateAsync_HandbookQuestionSet_HybridRecallAt3AtLeastBm25AndVector()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "assay-eval-" + Guid.NewGuid().ToString("N"));
        using var models = new DoubleModelFactory();
        var options = new ServicesOptions { DataDir = dataDir };
        var rag = new RagService(models, options, TimeProvider.System);
        await rag.IngestAsync("local", "hr", "employee_handbook.pdf", await File.ReadAllBytesAsync(HrData("employee_handbook.pdf")), CancellationToken.None);

        var report = await new RetrievalEvaluator(rag).EvaluateAsync("local", "hr", QaSetReader.Read(HrData("handbook_qa.jsonl")), 3, options.Rag.RelevanceThreshold, CancellationToken.None);
        var recall = report.Modes.ToDictionary(m => m.Mode, m => m.RecallAtK);

        Assert.True(recall[SearchMode.Hybrid] >= recall[SearchMode.Bm25], EvaluationReportWriter.Format(report));
        Assert.True(recall[SearchMode.Hybrid] >= recall[SearchMode.Vector], EvaluationReportWriter.Format(report));
        Assert.True(recall[SearchMode.Hybrid] >= 0.8, EvaluationReportWriter.Format(report));
        Assert.True(report.Gate.Accuracy >= 0.8, EvaluationReportWriter.Format(report));
        Directory.Delete(dataDir, true);
    }
}
