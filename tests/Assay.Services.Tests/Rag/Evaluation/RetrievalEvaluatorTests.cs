using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Evaluation;
using Assay.Services.Rag.Index;
using Assay.Services.Tests.Doubles;
using Assay.Testing;

namespace Assay.Services.Tests.Rag.Evaluation;

/// <summary>Retrieval quality on the shared handbook PDF with the offline sentence model and default settings: the numbers `assay rag eval` prints.</summary>
public sealed class RetrievalEvaluatorTests
{
    private const string Handbook = "hr/employee_handbook.pdf";

    private static string QuestionSet => Path.Combine(AppContext.BaseDirectory, "Data", "hr", "handbook_qa.jsonl");

    [SharedDataFact(Handbook)]
    public async Task EvaluateAsync_HandbookQuestionSet_HybridAtLeastBm25AndVectorAndGateSeparates()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "assay-eval-" + Guid.NewGuid().ToString("N"));
        using var models = new DoubleModelFactory();
        var options = new ServicesOptions { DataDir = dataDir };
        var rag = new RagService(models, options, TimeProvider.System);
        await rag.IngestAsync("local", "hr", "employee_handbook.pdf", await File.ReadAllBytesAsync(SharedData.File(Handbook)), CancellationToken.None);

        var report = await new RetrievalEvaluator(rag).EvaluateAsync("local", "hr", QaSetReader.Read(QuestionSet), 3, RelevanceGate.From(options.Rag), options.Rag.TopK, CancellationToken.None);
        var modes = report.Modes.ToDictionary(m => m.Mode);
        var shown = EvaluationReportWriter.Format(report);

        Assert.True(modes[SearchMode.Hybrid].RecallAtK >= modes[SearchMode.Bm25].RecallAtK, shown);
        Assert.True(modes[SearchMode.Hybrid].RecallAtK >= modes[SearchMode.Vector].RecallAtK, shown);
        Assert.True(modes[SearchMode.Hybrid].RecallAtK >= 0.8, shown);
        Assert.True(report.Gate.Unanswerable >= 15, shown);
        Assert.True(report.Gate.Accuracy >= 0.8, shown);
        Assert.True(report.Gate.Accuracy > report.Gate.RelevanceOnlyAccuracy, shown);
        Directory.Delete(dataDir, true);
    }
}
