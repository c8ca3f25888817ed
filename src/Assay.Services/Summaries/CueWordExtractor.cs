using System.Text.RegularExpressions;
using Assay.Models.Extractive;
using Assay.Services.Text;

namespace Assay.Services.Summaries;

/// <summary>
/// The offline way to fill the summary's fields, labelled extractive (it quotes the report):
/// location from the report's <c>Site:</c> line when it has one; equipment from the first body
/// sentence (not the Site/Reported by/Priority header) naming an asset tag such as P-204 or an
/// equipment word; problem and actions by cue words; next steps = the last two sentences that
/// state a follow-up (null when none does). Urgency: a stated priority wins; otherwise high when
/// the service is still degraded or a risk remains (no redundancy, a part awaited, a unit out of
/// use, a health check pending), medium when a follow-up is still needed, low otherwise. Checked
/// against hand labels of the 30 bundled reports (tests: Summaries/CueWordExtractorTests).
/// </summary>
internal static partial class CueWordExtractor
{
    private static readonly string[] EquipmentCues = ["pump", "motor", "valve", "compressor", "generator", "conveyor", "boiler", "turbine", "sensor", "controller", "plc", "bearing", "gearbox", "fan", "chiller", "forklift", "crane", "machine", "unit", "panel", "breaker", "transformer", "hvac", "elevator", "lift", "press", "engine", "equipment", "tank", "oven", "fridge", "freezer", "dispenser", "crusher", "regulator", "barrier", "inverter", "rectifier", "ups", "switchgear", "expansion joint", "conditioner", "detector"];
    private static readonly string[] LocationCues = ["site", "building", "floor", "room", "plant", "line", "bay", "area", "warehouse", "station", "hall", "zone", "level", "dock", "located", "location", "substation", "basement", "roof"];
    private static readonly string[] ProblemCues = ["failed", "failure", "fault", "leak", "leaking", "broken", "noise", "vibration", "overheat", "overheating", "tripped", "error", "alarm", "stopped", "damage", "damaged", "smoke", "not working", "malfunction", "crack", "worn", "loss", "shut down", "shutdown", "issue", "problem"];
    private static readonly string[] ActionCues = ["replaced", "reset", "isolated", "shut off", "inspected", "tightened", "cleaned", "restarted", "repaired", "checked", "applied", "installed", "removed", "locked out", "swapped", "adjusted", "we", "i"];
    private static readonly string[] NextCues = ["need", "needs", "recommend", "recommended", "should", "will", "ordered", "requested", "booked", "arrive", "arrives", "awaiting", "pending", "until", "advised", "asked", "added", "included", "quoted", "analysis", "once", "follow-up", "schedule"];
    private static readonly string[] Danger = ["smoke", "injury", "injured", "explosion", "evacuat", "safety hazard", "on fire"];
    private static readonly string[] Pressing = ["urgent", "asap", "as soon as possible", "production stopped", "line down", "high priority"];
    private static readonly string[] Watch = ["intermittent", "monitor", "this week"];
    private static readonly string[] StillAtRisk = ["single boiler", "reduced autonomy", "out of use", "stop sales", "lead time", "temporary", "legionella", "not be repaired", "cannot be repaired"];

    public static (string? Equipment, string? Location, string? Problem, string? ActionsTaken, string? NextSteps, string Urgency) Extract(string report)
    {
        var sentences = SentenceSplitter.Split(report);
        var body = sentences.Where(s => !Header().IsMatch(s)).ToList();
        var site = SiteLine().Match(report);
        var next = body.Where(s => Score(s, NextCues) > 0).TakeLast(2).ToList();
        return (
            body.FirstOrDefault(s => AssetTag().IsMatch(s) || Score(s, EquipmentCues) > 0),
            site.Success ? site.Groups[1].Value.Trim() : Best(sentences, LocationCues),
            Best(body, ProblemCues),
            Best(body, ActionCues),
            next.Count == 0 ? null : string.Join(' ', next),
            Urgency(report, next.Count > 0));
    }

    public static string Urgency(string report, bool followUp)
    {
        var stated = StatedPriority().Match(report);
        if (stated.Success)
        {
            return stated.Groups[1].Value.ToLowerInvariant() switch
            {
                "critical" or "emergency" => "critical",
                "urgent" or "high" => "high",
                "medium" or "normal" => "medium",
                _ => "low",
            };
        }

        var text = " " + TextTools.ForMatching(report) + " ";
        bool Has(string[] cues) => cues.Any(c => text.Contains(c, StringComparison.Ordinal));
        if (Has(Danger))
        {
            return "critical";
        }

        if (Has(Pressing) || Has(StillAtRisk))
        {
            return "high";
        }

        return followUp || Has(Watch) ? "medium" : "low";
    }

    private static int Score(string sentence, string[] cues)
    {
        var words = " " + string.Join(' ', TextTools.Words(sentence)) + " ";
        return cues.Count(c => words.Contains(" " + c + " ", StringComparison.Ordinal) || (c.Length > 3 && words.Contains(" " + c + "s ", StringComparison.Ordinal)));
    }

    private static string? Best(IReadOnlyList<string> sentences, string[] cues)
    {
        var best = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: Score(s, cues)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .FirstOrDefault();
        return best.Score > 0 ? best.Sentence : null;
    }

    // An asset tag such as P-204, AHU-3 or TX-12B names the equipment better than any cue word.
    [GeneratedRegex(@"\b[A-Z]{1,4}-?\d{1,5}[A-Z]?\b")]
    private static partial Regex AssetTag();

    [GeneratedRegex(@"^\s*(Site|Reported by|Priority|Call-out|Date|Ref(erence)?)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*Site:\s*(.+?)\.(?:\s|$)", RegexOptions.Multiline)]
    private static partial Regex SiteLine();

    [GeneratedRegex(@"\bPriority:\s*(critical|emergency|urgent|high|medium|normal|low)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatedPriority();
}
