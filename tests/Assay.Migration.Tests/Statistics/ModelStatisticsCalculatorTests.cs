using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Runs;
using Assay.Migration.Statistics;
using Assay.Testing;
using Assay.Migration.Tests.TestData;

namespace Assay.Migration.Tests.Statistics;

public class ModelStatisticsCalculatorTests
{
    private const string WorkshopCsv = "workshop/document_summarization_source_model.csv";
    private static readonly ModelDescriptor Source = new() { Label = "source", ModelId = "replay:workshop", IsSource = true };

    [SharedDataFact(WorkshopCsv)]
    public void Compute_WorkshopRecording_ReproducesThePublishedBaseline()
    {
        // The workshop printed: mean latency 1.66 s, mean cost $0.000436 per call, 656 / 90 mean tokens.
        // The recording has 73 rows, every one api_call_status = Success, so all 73 count.
        var records = ReadWorkshopRecording();
        var stats = ModelStatisticsCalculator.Compute(Source, records, Empty(), new Bootstrap(1000, 0.95), 42, 1_000_000);

        Assert.Equal(73, stats.Calls);
        Assert.Equal(73, stats.Succeeded);
        Assert.Equal(0, stats.Failed);
        Assert.Equal(1.66, Math.Round(stats.ClientLatency!.Mean.Value / 1000, 2));
        Assert.Equal(0.000436, Math.Round(stats.CostPerCallUsd!.Value, 6));
        Assert.Equal(656, Math.Round(stats.InputTokens.Value));
        Assert.Equal(90, Math.Round(stats.OutputTokens.Value));
        Assert.True(stats.ClientLatency.Mean.Lower < stats.ClientLatency.Mean.Value && stats.ClientLatency.Mean.Value < stats.ClientLatency.Mean.Upper);
        Assert.Equal(stats.CostPerCallUsd.Value * 1_000_000, stats.CostPerMonthUsd!.Value, 6);
        Assert.NotNull(stats.ServerLatency);
    }

    [Fact]
    public void Compute_CachedAndFailedCalls_DoNotCountInLatency()
    {
        GenerationRecord Call(string item, double ms, bool cached = false, string? error = null) => new()
        {
            Model = "source", ModelId = "x", ItemId = item, Prompt = "p", Response = error is null ? "r" : null, Error = error,
            LatencyMs = ms, InputTokens = 10, OutputTokens = 5, CostUsd = 0.001m, Cached = cached,
        };

        var stats = ModelStatisticsCalculator.Compute(
            Source,
            [Call("a", 100), Call("b", 300), Call("c", 5, cached: true), Call("d", 9000, error: "timeout")],
            Empty(),
            new Bootstrap(200, 0.95),
            1,
            1000);

        Assert.Equal(2, stats.ClientLatency!.N);
        Assert.Equal(200, stats.ClientLatency.Mean.Value);
        Assert.Equal(1, stats.Failed);
        Assert.Equal(1, stats.Cached);
        Assert.Equal(3, stats.Items);
        Assert.Equal(0.001, stats.CostPerCallUsd!.Value, 9);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Empty() => new();

    private static List<GenerationRecord> ReadWorkshopRecording() =>
        SimpleCsv.Read(SharedData.File(WorkshopCsv)).Select(row =>
        {
            var ok = row["api_call_status"] == "Success";
            return new GenerationRecord
            {
                Model = "source",
                ModelId = "replay:" + row["model"],
                ItemId = row["invocation_id"],
                Prompt = row["prompt"],
                Response = ok ? row["model_response"] : null,
                Error = ok ? null : row["full_error_message"],
                LatencyMs = double.Parse(row["latency"], CultureInfo.InvariantCulture) * 1000,
                ServerLatencyMs = double.Parse(row["model_latencyMs"], CultureInfo.InvariantCulture),
                InputTokens = long.Parse(row["model_input_tokens"], CultureInfo.InvariantCulture),
                OutputTokens = long.Parse(row["model_output_tokens"], CultureInfo.InvariantCulture),
                CostUsd = decimal.Parse(row["cost"], CultureInfo.InvariantCulture),
                Replayed = true,
            };
        }).ToList();
}
