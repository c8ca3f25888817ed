using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Runs;

namespace Assay.Migration.Tests.Evaluation.TestDoubles;

/// <summary>
/// A small constructed study for tests: items with references, a source that copies the
/// reference, a "cheap" candidate that drops the last word (fast, cheap), and a "slow" one that
/// copies it (slow, dear). All figures are seeded and deterministic.
/// </summary>
internal static class SyntheticStudy
{
    public static readonly string[] Words = ["pump", "valve", "leak", "pressure", "motor", "fault", "sensor", "replaced", "checked", "cable", "fuse", "panel"];

    public static List<StudyItem> Items(int n) => Enumerable.Range(0, n).Select(i => new StudyItem
    {
        ItemId = "item" + i.ToString("D3", CultureInfo.InvariantCulture),
        Row = i + 1,
        Document = "Report " + i,
        Reference = string.Join(' ', Enumerable.Range(0, 6 + (i % 5)).Select(k => Words[(i + (k * 7)) % Words.Length])),
    }).ToList();

    public static List<ModelDescriptor> Models() =>
    [
        new() { Label = "source", ModelId = "test:source", IsSource = true },
        new() { Label = "cheap", ModelId = "test:cheap" },
        new() { Label = "slow", ModelId = "test:slow" },
    ];

    public static List<GenerationRecord> Records(IReadOnlyList<StudyItem> items, int repeats = 1)
    {
        var rng = new Random(5);
        var records = new List<GenerationRecord>();
        foreach (var item in items)
        {
            for (var rep = 0; rep < repeats; rep++)
            {
                records.Add(Call("source", item, rep, item.Reference!, 1500 + rng.Next(400), 0.000436m));
                records.Add(Call("cheap", item, rep, string.Join(' ', item.Reference!.Split(' ')[..^1]), 450 + rng.Next(100), 0.000078m));
                records.Add(Call("slow", item, rep, item.Reference!, 2400 + rng.Next(400), 0.001314m));
            }
        }

        return records;
    }

    public static GenerationRecord Call(string model, StudyItem item, int repeat, string response, double latencyMs, decimal cost) => new()
    {
        Model = model,
        ModelId = "test:" + model,
        ItemId = item.ItemId,
        Repeat = repeat,
        Prompt = "Summarise this report:\n" + item.Document,
        Response = response,
        LatencyMs = latencyMs,
        ServerLatencyMs = latencyMs - 30,
        InputTokens = 600,
        OutputTokens = response.Split(' ').Length,
        CostUsd = cost,
    };
}
