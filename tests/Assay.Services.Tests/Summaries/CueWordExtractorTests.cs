using Assay.Services.Summaries;

namespace Assay.Services.Tests.Summaries;

public sealed class CueWordExtractorTests
{
    [Fact]
    public void Extract_IncidentReport_PicksTheReportsOwnSentences()
    {
        const string report = "At 07:40 the cooling pump P-204 tripped. The unit is located in building 3, basement plant room. " +
            "We isolated the pump and replaced the blown fuse. A new bearing must be ordered before restart. Production stopped on line 2, so this is urgent.";
        var fields = CueWordExtractor.Extract(report);
        Assert.Equal("At 07:40 the cooling pump P-204 tripped.", fields.Equipment);
        Assert.Equal("The unit is located in building 3, basement plant room.", fields.Location);
        Assert.Equal("We isolated the pump and replaced the blown fuse.", fields.ActionsTaken);
        Assert.Equal("A new bearing must be ordered before restart.", fields.NextSteps);
        Assert.Equal("high", fields.Urgency);
    }

    [Theory]
    [InlineData("Smoke and a fire alarm in the switch room.", "critical")]
    [InlineData("Intermittent noise, monitor this week.", "medium")]
    [InlineData("Paint is scratched on the cover.", "low")]
    public void Urgency_Cues_Level(string report, string level) => Assert.Equal(level, CueWordExtractor.Urgency(report, followUp: false));

    [Fact]
    public void Extract_BundledIncidentReports_FieldAccuracyAtLeast90PercentAgainstHandLabels()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Assay.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        var reports = CsvReports(Path.Combine(root, "samples", "incidents", "incidents.csv"));
        var labels = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "incidents", "labels.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(30, labels.Count);
        int right = 0, total = 0;
        var wrong = new List<string>();
        foreach (var label in labels)
        {
            var row = label.GetProperty("row").GetInt32();
            var fields = CueWordExtractor.Extract(reports[row - 1]);
            bool Holds(string? field, string expected) => field is not null && field.Contains(expected, StringComparison.OrdinalIgnoreCase);
            var next = label.GetProperty("nextSteps");
            var checks = new (string Field, bool Ok)[]
            {
                ("equipment", label.GetProperty("equipment").EnumerateArray().Any(e => Holds(fields.Equipment, e.GetString()!))),
                ("location", Holds(fields.Location, label.GetProperty("location").GetString()!)),
                ("nextSteps", next.ValueKind == System.Text.Json.JsonValueKind.Null ? fields.NextSteps is null : Holds(fields.NextSteps, next.GetString()!)),
                ("urgency", fields.Urgency == label.GetProperty("urgency").GetString()),
            };
            foreach (var (field, ok) in checks)
            {
                total++;
                right += ok ? 1 : 0;
                if (!ok)
                {
                    wrong.Add($"row {row} {field}: {field switch { "equipment" => fields.Equipment, "location" => fields.Location, "nextSteps" => fields.NextSteps, _ => fields.Urgency }}");
                }
            }
        }

        Assert.True(right >= 0.9 * total, $"{right}/{total} fields right; wrong:\n{string.Join('\n', wrong)}");
        Assert.DoesNotContain(wrong, w => w.Contains("Reported by", StringComparison.Ordinal));
    }

    // The bundled CSV: a header, then quoted "document","reference" rows (commas and doubled quotes inside); the first field of each row.
    private static List<string> CsvReports(string path)
    {
        var text = File.ReadAllText(path);
        var fields = new List<List<string>> { new() };
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') { quoted = !quoted; }
            else if (!quoted && c == ',') { fields[^1].Add(field.ToString()); field.Clear(); }
            else if (!quoted && c == '\n') { fields[^1].Add(field.ToString()); field.Clear(); fields.Add([]); }
            else if (c != '\r' || quoted) { field.Append(c); }
        }

        fields[^1].Add(field.ToString());
        return fields.Skip(1).Where(r => r.Count > 0 && r[0].Length > 0).Select(r => r[0]).ToList();
    }
}
