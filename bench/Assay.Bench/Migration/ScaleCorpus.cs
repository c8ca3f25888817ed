using System.Globalization;
using System.Text;

namespace Assay.Bench.Migration;

/// <summary>
/// GENERATED incident reports for the scale benchmark: item i is built from its own seeded
/// <see cref="Random"/> (seed <see cref="Seed"/> and i), so any item can be made alone, in any order,
/// and the same i always gives the same text. Each report opens with its number (so no two are equal),
/// then adds varied sentences until it is 600 to 800 characters long; its reference is a two-sentence
/// summary of the same facts.
/// </summary>
internal static class ScaleCorpus
{
    public const int Seed = 20_260_101;
    public const int MinChars = 600;
    public const int MaxChars = 800;

    private static readonly string[] Sites = ["the Harbour Road cold store", "North Quay substation", "the Elm Street pumping station", "Depot 7", "the Riverside data hall", "Westfield wind farm", "the Linden hospital plant room", "Hill Farm solar park", "the Canal Street lift lobby", "Gate 3 of the rail yard", "the Brookside water works", "Tower B of the business park"];
    private static readonly string[] Equipment = ["compressor", "feed pump", "standby generator", "chiller", "transformer", "passenger lift", "inverter", "air handling unit", "boiler", "conveyor drive", "UPS module", "cooling tower fan"];
    private static readonly string[] Events = ["tripped on overload", "stopped after a high-temperature alarm", "lost phase on its supply", "reported low oil pressure", "vibrated beyond its limit", "failed to start on demand", "shut down on an earth fault", "ran noisily and was isolated"];
    private static readonly string[] Roles = ["the duty electrician", "the night supervisor", "a contractor from the service desk", "the shift engineer", "the site manager", "the on-call technician"];
    private static readonly string[] Actions = ["reset the breaker and watched it through two cycles", "replaced a worn drive belt", "cleaned a blocked strainer", "tightened a loose terminal in the control panel", "swapped the failed contactor for a spare", "topped up the oil and bled the line", "fitted a new temperature sensor", "ran the unit on manual control until the fault cleared"];
    private static readonly string[] Causes = ["a worn bearing", "dust on the heat exchanger", "a loose neutral connection", "a failed thermostat", "water in a junction box", "a software fault after an update", "an undersized fuse", "a stuck valve actuator"];
    private static readonly string[] Impacts = ["no customers noticed the stop", "two loading bays waited for forty minutes", "the backup unit carried the load", "the ward switched to portable cooling", "output fell by a third for the shift", "one tenant reported a short outage", "stock temperature stayed within limits", "the morning schedule slipped by an hour"];
    private static readonly string[] FollowUps = ["A permanent repair is booked for next week.", "The vendor has been asked for a root-cause report.", "Spares are now held on site.", "The maintenance interval was shortened to monthly.", "A second inspection is planned after the next cold night.", "The alarm threshold will be reviewed with the designer.", "The crew added the fault to the site log and the asset register.", "Thermal imaging of the whole panel is scheduled."];

    /// <summary>The document of item <paramref name="item"/>: 600 to 800 characters, several sentences, unique.</summary>
    public static string Document(int item) => Build(item).Document;

    /// <summary>The reference summary written for item <paramref name="item"/>.</summary>
    public static string Reference(int item) => Build(item).Reference;

    /// <summary>Items 0 to count - 1 as they go, without holding them all.</summary>
    public static IEnumerable<(string Document, string Reference)> Items(int count) => Enumerable.Range(0, count).Select(Build);

    private static (string Document, string Reference) Build(int item)
    {
        // Not HashCode.Combine: its seed changes with every process.
        var random = new Random(unchecked(Seed + (item * 7_919)));
        string Pick(string[] from) => from[random.Next(from.Length)];
        var site = Pick(Sites);
        var equipment = Pick(Equipment);
        var unit = random.Next(1, 40);
        var happened = Pick(Events);
        var role = Pick(Roles);
        var action = Pick(Actions);
        var cause = Pick(Causes);
        var impact = Pick(Impacts);
        var time = $"{random.Next(24):00}:{random.Next(60):00}";
        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)random.Next(7));

        var text = new StringBuilder(MaxChars);
        text.Append(CultureInfo.InvariantCulture, $"Incident report {item + 1:000000}: at {time} on {day}, {equipment} {unit} at {site} {happened}. ");
        text.Append(CultureInfo.InvariantCulture, $"{Capitalise(role)} arrived after {random.Next(5, 90)} minutes, {action}, and found {cause}. ");
        string[] extras =
        [
            $"The panel showed fault code E{random.Next(10, 99)} and a supply of {random.Next(380, 420)} V against the expected 400 V. ",
            $"Outside it was {random.Next(-12, 34)} degrees with {(random.Next(2) == 0 ? "heavy rain" : "a dry wind")}, and the room read {random.Next(18, 45)} degrees. ",
            $"During the stop {impact}. ",
            $"The same unit had {random.Next(0, 6)} similar alarms in the past {random.Next(2, 13)} months, {(random.Next(2) == 0 ? "all cleared by a reset" : "none of them logged as faults")}. ",
            $"Readings taken after the repair: current {random.Next(8, 120)} A, vibration {random.Next(1, 9)}.{random.Next(10)} mm/s, discharge pressure {random.Next(2, 11)}.{random.Next(10)} bar. ",
            $"The work order was raised as {(char)('A' + random.Next(26))}{random.Next(1000, 9999)} and closed at {random.Next(24):00}:{random.Next(60):00} by {Pick(Roles)}. ",
            $"{Pick(FollowUps)} ",
            $"Photos of the {equipment} nameplate and the control panel were attached to the ticket for the {Pick(["insurer", "landlord", "vendor", "planning team"])}. ",
        ];
        random.Shuffle(extras);
        var target = random.Next(MinChars, MaxChars - 40);
        foreach (var sentence in extras)
        {
            // Every sentence ends in a space that is trimmed at the end, hence > rather than >=.
            if (text.Length > target)
            {
                break;
            }

            if (text.Length + sentence.Length <= MaxChars + 1)
            {
                text.Append(sentence);
            }
        }

        var reference = $"{Capitalise(equipment)} {unit} at {site} {happened} at {time}; {role} {action} after finding {cause}. During the stop {impact}.";
        return (text.ToString().TrimEnd(), reference);
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
