using Assay.Migration.Datasets;
using Assay.Migration.Pairing;
using Assay.Migration.Prompts;
using Assay.Migration.Tests.TestDoubles;
using Assay.Models.Replay;
using Assay.Testing;

namespace Assay.Migration.Tests.Pairing;

public class SourcePairingTests
{
    internal const string WorkshopTemplate = "First, please read the article below.\n{context}\n Now, can you write me an extremely short abstract for it?";

    [SharedDataFact("workshop/document_summarization_source_model.csv")]
    public void Pair_WorkshopRecordingAndSample50_ReportsTheOverlap()
    {
        var recording = SharedData.File("workshop/document_summarization_source_model.csv");
        var dataset = DatasetLoader.Load(SharedData.File("workshop/document_sample_50.csv"), new DatasetColumns());
        var paired = SourcePairing.Pair(dataset, recording, RecordingReader.Read(recording), new PromptTemplate(WorkshopTemplate), "source", "replay:x");

        // 73 recorded calls, 50 dataset rows: 35 documents are in both (checked independently with a substring search).
        Assert.Equal(35, paired.Report.Matched);
        Assert.Equal(15, paired.Report.UnmatchedDatasetRows.Count);
        Assert.Equal(38, paired.Report.UnmatchedRecordingRows.Count);
        Assert.Empty(paired.Report.TemplateMismatchRows);
        Assert.Equal(73, paired.SourceRecords.Count);
        Assert.Equal(50 + 38, paired.Items.Count);
        Assert.Equal(35, paired.Items.Count(i => i.Paired));
    }

    [Fact]
    public void Pair_PromptNotFittingTemplate_ReportedByRow()
    {
        using var files = new StudyFiles();
        var data = DatasetLoader.Load(files.Write("d.csv", "document,referenceResponse\n\"The fan failed.\",\"Fan failed.\"\n"), new DatasetColumns());
        var rec = files.Write("r.csv", "prompt,model_response,latency,cost\n\"Summarise: The fan failed.\",\"x\",1.0,0.001\n\"First, please read the article below.\nThe fan failed.\n Now, can you write me an extremely short abstract for it?\",\"Fan down.\",2.0,0.002\n");
        var paired = SourcePairing.Pair(data, rec, RecordingReader.Read(rec), new PromptTemplate(WorkshopTemplate), "source", "replay:r.csv");
        Assert.Equal([1], paired.Report.TemplateMismatchRows);
        Assert.Equal(1, paired.Report.Matched);
        var record = Assert.Single(paired.SourceRecords);
        Assert.Equal(2000.0, record.LatencyMs);
        Assert.Equal(0.002m, record.CostUsd);
        Assert.True(record.Replayed);
    }

    [Fact]
    public void Pair_JsonlLogWithAFailedCall_PairedLikeTheCsvAndTheFailureKept()
    {
        using var files = new StudyFiles();
        var data = DatasetLoader.Load(files.Write("d.csv", "document,referenceResponse\n\"The fan failed.\",\"Fan failed.\"\n\"The pump leaked.\",\"Pump leak.\"\n"), new DatasetColumns());
        var rec = files.Write("r.jsonl", """
            {"prompt":"First, please read the article below.\nThe fan failed.\n Now, can you write me an extremely short abstract for it?","response":"Fan down.","latencyMs":1500,"inputTokens":20,"outputTokens":3,"cost":0.001,"model":"m"}

            {"prompt":"First, please read the article below.\nThe pump leaked.\n Now, can you write me an extremely short abstract for it?","status":"Failed","error":"ThrottlingException"}
            """);

        var paired = SourcePairing.Pair(data, rec, RecordingReader.Read(rec), new PromptTemplate(WorkshopTemplate), "source", "replay:r.jsonl");

        Assert.Equal(2, paired.Report.Matched);
        var ok = Assert.Single(paired.SourceRecords, r => r.Error is null);
        Assert.Equal(("Fan down.", 1500.0, 20L, 0.001m), (ok.Response, ok.LatencyMs!.Value, ok.InputTokens, ok.CostUsd!.Value));
        var failed = Assert.Single(paired.SourceRecords, r => r.Error is not null);
        Assert.Equal("ThrottlingException", failed.Error);
        Assert.Null(failed.Response);
    }

    [Fact]
    public void Read_NonNumericLatency_ErrorNamesRowAndColumn()
    {
        using var files = new StudyFiles();
        var rec = files.Write("r.csv", "prompt,model_response,latency\n\"p\",\"r\",fast\n");
        var ex = Assert.ThrowsAny<AssayException>(() => RecordingReader.Read(rec));
        Assert.Contains("line 2, column 3 ('latency'): 'fast'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pair_ZeroOrEmptyCostWithSourcePrice_PricedFromTokensAndCounted()
    {
        using var files = new StudyFiles();
        var data = DatasetLoader.Load(files.Write("d.csv", "document,referenceResponse\n\"The fan failed.\",\"Fan failed.\"\n\"The pump leaked.\",\"Pump leak.\"\n\"The door stuck.\",\"Door stuck.\"\n"), new DatasetColumns());
        var rec = files.Write("r.jsonl", """
            {"prompt":"First, please read the article below.\nThe fan failed.\n Now, can you write me an extremely short abstract for it?","response":"Fan down.","inputTokens":1000,"outputTokens":100,"cost":0}
            {"prompt":"First, please read the article below.\nThe pump leaked.\n Now, can you write me an extremely short abstract for it?","response":"Leak.","inputTokens":2000,"outputTokens":200}
            {"prompt":"First, please read the article below.\nThe door stuck.\n Now, can you write me an extremely short abstract for it?","response":"Stuck.","inputTokens":2000,"outputTokens":200,"cost":0.5}
            """);

        var paired = SourcePairing.Pair(data, rec, RecordingReader.Read(rec), new PromptTemplate(WorkshopTemplate), "source", "replay:r.jsonl", (0.001m, 0.01m));

        Assert.Equal(2, paired.PricedFromStudy);
        Assert.Equal([0.002m, 0.004m, 0.5m], paired.SourceRecords.Select(r => r.CostUsd!.Value)); // 1 x 0.001 + 0.1 x 0.01; a recorded cost is kept
        var unpriced = SourcePairing.Pair(data, rec, RecordingReader.Read(rec), new PromptTemplate(WorkshopTemplate), "source", "replay:r.jsonl");
        Assert.Equal(0, unpriced.PricedFromStudy);
        Assert.Equal(0m, unpriced.SourceRecords[0].CostUsd);
    }
}
