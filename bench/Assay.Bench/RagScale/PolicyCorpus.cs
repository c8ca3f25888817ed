using System.Globalization;
using System.Text;

namespace Assay.Bench.RagScale;

/// <summary>
/// A generated corpus (not real documents): Markdown policy documents whose sentences are drawn
/// from policy-like templates with a seeded <see cref="Random"/>, so every run builds the same text.
/// Invented department and system names widen the vocabulary the way real handbooks do.
/// </summary>
internal sealed class PolicyCorpus(int seed)
{
    private static readonly string[] Topics = ["vacation", "overtime", "travel", "expenses", "laptop", "password", "badge", "safety", "benefits", "training", "remote work", "parental leave", "sick leave", "security incident", "procurement"];
    private static readonly string[] Verbs = ["request", "submit", "approve", "report", "record", "renew", "return", "review", "escalate", "document"];
    private static readonly string[] Objects = ["the claim", "a written request", "the receipts", "the form", "the incident", "the timesheet", "the access card", "the approval", "the itinerary", "the certificate"];
    private static readonly string[] Units = ["days", "weeks", "hours", "months", "business days"];
    private static readonly string[] Events = ["the trip", "the start date", "the incident", "the end of the quarter", "the purchase", "the leave", "the audit", "the review"];
    private static readonly string[] Roles = ["manager", "HR partner", "finance team", "security officer", "site lead", "payroll team"];
    private static readonly string[] Syllables = ["ka", "lo", "mer", "di", "ven", "tor", "sa", "qui", "ran", "bel", "os", "tu", "fen", "ari", "mo", "zel"];
    private readonly Random random = new(seed);

    /// <summary>One Markdown document of <paramref name="sections"/> sections, each a heading and a few paragraphs.</summary>
    public byte[] Document(int number, int sections)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Policy {number}: {Pick(Topics)} at {Name()}\n\n");
        for (var s = 0; s < sections; s++)
        {
            var topic = Pick(Topics);
            text.Append(CultureInfo.InvariantCulture, $"## {s + 1}. {char.ToUpperInvariant(topic[0])}{topic[1..]}\n\n");
            for (var p = 0; p < 2; p++)
            {
                for (var i = 0; i < 4; i++)
                {
                    text.Append(Sentence(topic)).Append(' ');
                }

                text.Append("\n\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private string Sentence(string topic) => random.Next(4) switch
    {
        0 => $"Employees in the {Name()} department must {Pick(Verbs)} {Pick(Objects)} for {topic} within {random.Next(1, 60)} {Pick(Units)} of {Pick(Events)}.",
        1 => $"The {Pick(Roles)} will {Pick(Verbs)} {Pick(Objects)} before {Pick(Events)}, and may ask for {Pick(Objects)} from the {Name()} system.",
        2 => $"Staff are entitled to {random.Next(1, 40)} {Pick(Units)} of {topic} per year, pro rata for part-time contracts at the {Name()} site.",
        _ => $"Questions about {topic} go to the {Pick(Roles)}; amounts above {random.Next(1, 100) * 50} EUR need the approval of the {Pick(Roles)}.",
    };

    private string Name() => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Pick(Syllables)));

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
