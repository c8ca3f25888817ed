using System.Text.RegularExpressions;

namespace Assay.Services.Rag.Answers;

/// <summary>What kind of fact a question asks for; <see cref="None"/> for yes/no, "how do I" and other open questions.</summary>
public enum AnswerType
{
    None,
    Quantity,
    Duration,
    Date,
    Name,
    Phone,
    Email,
    WebAddress,
    Identifier,
}

/// <summary>
/// The offline answer-type rules: which type a question asks for (from its wording) and whether
/// a sentence holds an entity of that type. Rules, not a model: they were chosen on the dev split
/// of the policy evaluation set, and a question they do not recognise is typed <see cref="AnswerType.None"/>
/// (only the term checks apply), so an unknown wording never causes a refusal on its own.
/// </summary>
public static partial class AnswerTypes
{
    public static AnswerType Of(string question)
    {
        var q = question.ToLowerInvariant().Replace('\u2019', '\'');
        if (EmailQuestion().IsMatch(q))
        {
            return AnswerType.Email;
        }

        if (WebQuestion().IsMatch(q))
        {
            return AnswerType.WebAddress;
        }

        if (IdentifierQuestion().IsMatch(q))
        {
            return AnswerType.Identifier;
        }

        if (PhoneQuestion().IsMatch(q))
        {
            return AnswerType.Phone;
        }

        if (NameQuestion().IsMatch(q))
        {
            return AnswerType.Name;
        }

        if (DurationQuestion().IsMatch(q))
        {
            return AnswerType.Duration;
        }

        if (QuantityQuestion().IsMatch(q))
        {
            return AnswerType.Quantity;
        }

        return DateQuestion().IsMatch(q) ? AnswerType.Date : AnswerType.None;
    }

    /// <summary>True when <paramref name="sentence"/> holds an entity of <paramref name="type"/> (always true for <see cref="AnswerType.None"/>).</summary>
    public static bool Holds(string sentence, AnswerType type) => type switch
    {
        AnswerType.Phone => PhoneEntity().IsMatch(sentence),
        AnswerType.Email => EmailEntity().IsMatch(sentence),
        AnswerType.WebAddress => WebEntity().IsMatch(sentence),
        AnswerType.Identifier => IdentifierEntity().IsMatch(sentence),
        AnswerType.Name => NameEntity().IsMatch(sentence) || RoleEntity().IsMatch(sentence),
        AnswerType.Duration => DurationEntity().IsMatch(sentence) || FrequencyEntity().IsMatch(sentence) || DateEntity().IsMatch(sentence),
        AnswerType.Quantity => QuantityEntity().IsMatch(sentence),
        AnswerType.Date => DateEntity().IsMatch(sentence) || DurationEntity().IsMatch(sentence) || FrequencyEntity().IsMatch(sentence),
        _ => true,
    };

    /// <summary>True when the question asks for a bound ("the maximum", "the limit", "at least"): then the answer must state one.</summary>
    public static bool AsksForBound(string question) => BoundQuestion().IsMatch(question);

    /// <summary>True when <paramref name="text"/> states a bound ("up to £2,500", "limited to", "no more than", "at least").</summary>
    public static bool StatesBound(string text) => BoundEntity().IsMatch(text);

    /// <summary>
    /// Words that say which type is asked for, or how, not what about: left out of the focus terms
    /// (stemmed forms). Numbers in a question are usually its own circumstances ("a £2,500 claim",
    /// "six years"), not what the answer must repeat, so they are left out too (see <see cref="IsFocus"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> FormWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "long", "often", "soon", "quickli", "far", "ahead", "advanc", "big", "frequent", "number", "name",
        "address", "web", "websit", "url", "email", "phone", "date", "dai", "time", "maximum", "minimum", "limit", "amount", "much",
        "what", "whats", "who", "happen", "ok", "okai", "go", "need", "allow", "exactli", "actual", "realli",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "last",
    };

    /// <summary>A question term that says what the question is about (not its form, not a number).</summary>
    public static bool IsFocus(string term) => !FormWords.Contains(term) && !term.Any(char.IsDigit);

    [GeneratedRegex(@"\be-?mail address\b|\bwhat e-?mail\b|\bwhich e-?mail\b")]
    private static partial Regex EmailQuestion();

    [GeneratedRegex(@"\b(url|web ?site|web address|web page|link to|server address|portal address)\b")]
    private static partial Regex WebQuestion();

    [GeneratedRegex(@"\b(policy|reference|membership|account|registration|licence|serial) number\b|\bpassword\b.*\bwhat is\b|\bwhat is the\b.*\bpassword\b")]
    private static partial Regex IdentifierQuestion();

    [GeneratedRegex(@"\b(phone|telephone|hotline|contact number|what number|which number|extension number|number (do|should) i (call|ring|dial))\b")]
    private static partial Regex PhoneQuestion();

    [GeneratedRegex(@"^(who|who's)\s+(is|are|was)\b|\bwho\s+(do|should|must)\s+i\s+(appeal|report|contact|call|ask|send)|\bwho\s+(approves|signs|conducts|runs|inspects|provides|manages)\b|\bwhich\s+(company|companies|provider|insurer|airline|app|product|antivirus|firm|bank|supplier)\b|\bwhat\s+app\b|\bname of\b")]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"\bhow\s+(long|often|soon|frequently|quickly|far in advance|far ahead)\b|\bhow many\s+(minutes|hours|days|weeks|months|years|working days)\b|\bafter how many\b|\bhow many weeks'")]
    private static partial Regex DurationQuestion();

    [GeneratedRegex(@"\bhow\s+(many|much|big|heavy|fast|large)\b|\bwhat('s| is| are)?\s+(the\s+)?([\w-]+\s+){0,3}(rate|limit|cap|maximum|minimum|percentage|amount|cost|price|excess|allowance|fine|discount|penalty|subsidy|size)\b|\bwhat percentage\b|\bup to what\b|\bheaviest\b|\bper-head\b")]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"^when\s+(is|are|does|do|must|will|was)\b|\bwhat\s+(date|day|time|month)\b|\bby when\b|\bdeadline\b|\bon what (day|date)\b|\bwhich (day|month|date)\b")]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"\b(maximum|minimum|max|min|limit|cap|at most|at least|the most|the least|heaviest|up to what)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BoundQuestion();

    [GeneratedRegex(@"\b(up to|at most|at least|no more than|no less than|maximum|minimum|limits?|limited to|cap|capped|must not exceed|not exceed|heavier than|longer than|more than|less than)\b|:\s*[£$€]\d", RegexOptions.IgnoreCase)]
    private static partial Regex BoundEntity();

    [GeneratedRegex(@"\+\d[\d ]{8,}\d|\b0\d{3} ?\d{3} ?\d{4}\b|\bextension \d{3,}", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneEntity();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex EmailEntity();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex WebEntity();

    // A code: letters and digits mixed, or a long digit string that is not a phone number or an amount.
    [GeneratedRegex(@"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9-]{5,}\b|(?<![£$€+\d ])\b\d{6,}\b")]
    private static partial Regex IdentifierEntity();

    // A capitalised word that does not start the sentence (a person, product or organisation), or a CamelCase product name.
    [GeneratedRegex(@"(?<=[a-z,;:]\s+(\w+\s+)?)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|\b[A-Z][a-z]+[A-Z]\w+")]
    private static partial Regex NameEntity();

    [GeneratedRegex(@"\b(manager|director|officer|supervisor|warden|committee|team|desk|head of|representative|first aiders?|owner|issuer|board members|payroll|security|facilities|finance)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleEntity();

    private const string NumberWord = @"(\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|half|several)";

    [GeneratedRegex(@"\b" + NumberWord + @"[\s-]+(calendar\s+|working\s+|consecutive\s+|business\s+)?(minutes?|hours?|days?|weeks?|months?|years?|nights?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationEntity();

    [GeneratedRegex(@"\b(every|each|per|a)\s+(\w+\s+)?(minute|hour|day|week|month|quarter|year|wednesday|monday|tuesday|thursday|friday)\b|\b(daily|weekly|monthly|quarterly|yearly|annually|annual|twice|once|immediately|at once|straight away|before each use|on (their|your) (first|last))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrequencyEntity();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b|\b\d{1,2}(st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(first|last|eighth|\d+(st|nd|rd|th))\s+(\w+\s+)?(day|week)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateEntity();

    [GeneratedRegex(@"\d|[£$€%]|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|half|double|twice|once)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuantityEntity();
}
