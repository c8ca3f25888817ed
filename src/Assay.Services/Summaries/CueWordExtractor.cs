using System.Text.RegularExpressions;
using Assay.Models.Extractive;
using Assay.Services.Text;

namespace Assay.Services.Summaries;

/// <summary>
/// The offline way to fill the summary's fields: for each field, the report's own sentence
/// with the most cue words for it (equipment: pump, motor, valve...; location: site, floor,
/// building...; a sentence naming an asset tag such as P-204 counts double for equipment). Urgency comes from urgency words (critical/safety -> critical, urgent/asap ->
/// high, ...). A heuristic that quotes the report, labelled extractive; a field with no cue is null.
/// </summary>
internal static partial class CueWordExtractor
{
    private static readonly string[] EquipmentCues = ["pump", "motor", "valve", "compressor", "generator", "conveyor", "boiler", "turbine", "sensor", "controller", "plc", "bearing", "gearbox", "fan", "chiller", "forklift", "crane", "machine", "unit", "panel", "breaker", "transformer", "hvac", "elevator", "press", "engine", "equipment", "serial", "model"];
    private static readonly string[] LocationCues = ["site", "building", "floor", "room", "plant", "line", "bay", "area", "warehouse", "station", "hall", "zone", "level", "dock", "located", "location", "substation", "basement", "roof"];
    private static readonly string[] ProblemCues = ["failed", "failure", "fault", "leak", "leaking", "broken", "noise", "vibration", "overheat", "overheating", "tripped", "error", "alarm", "stopped", "damage", "damaged", "smoke", "not working", "malfunction", "crack", "worn", "loss", "shut down", "shutdown", "issue", "problem"];
    private static readonly string[] ActionCues = ["replaced", "reset", "isolated", "shut off", "inspected", "tightened", "cleaned", "restarted", "repaired", "checked", "applied", "installed", "removed", "locked out", "swapped", "adjusted", "we ", "i "];
    private static readonly string[] NextCues = ["need", "needs", "required", "require", "order", "schedule", "follow-up", "follow up", "recommend", "should", "next", "pending", "awaiting", "must", "plan", "request"];

    public static (string? Equipment, string? Location, string? Problem, string? ActionsTaken, string? NextSteps, string Urgency) Extract(string report)
    {
        var sentences = SentenceSplitter.Split(report);
        return (
            Best(sentences, EquipmentCues, s => AssetTag().IsMatch(s) ? 2 : 0),
            Best(sentences, LocationCues),
            Best(sentences, ProblemCues),
            Best(sentences, ActionCues),
            Best(sentences, NextCues),
            Urgency(report));
    }

    public static string Urgency(string report)
    {
        var text = " " + TextTools.ForMatching(report) + " ";
        if (Has(text, "critical", "safety hazard", "injury", "fire", "explosion", "evacuat", "emergency"))
        {
            return "critical";
        }

        if (Has(text, "urgent", "asap", "immediately", "production stopped", "line down", "as soon as possible", "high priority"))
        {
            return "high";
        }

        if (Has(text, "soon", "this week", "intermittent", "degraded", "monitor"))
        {
            return "medium";
        }

        return "low";
    }

    private static bool Has(string text, params string[] cues) => cues.Any(c => text.Contains(c, StringComparison.Ordinal));

    private static string? Best(IReadOnlyList<string> sentences, string[] cues, Func<string, int>? bonus = null)
    {
        var best = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: (bonus?.Invoke(s) ?? 0) + cues.Count(c => (" " + TextTools.ForMatching(s) + " ").Contains(c.EndsWith(' ') ? " " + c : c, StringComparison.Ordinal))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .FirstOrDefault();
        return best.Score > 0 ? best.Sentence : null;
    }

    // An asset tag such as P-204, AHU3 or TX-12B names the equipment better than any cue word.
    [GeneratedRegex(@"\b[A-Z]{1,4}-?\d{1,5}[A-Z]?\b")]
    private static partial Regex AssetTag();
}
