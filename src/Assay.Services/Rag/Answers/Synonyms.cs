namespace Assay.Services.Rag.Answers;

/// <summary>
/// Everyday workplace words for the policy words they mean (stemmed, both ways): "holiday" for
/// "leave", "boss" for "manager", "quit" for "resign". A general list, not one per document; it
/// only helps a question's focus term be found in a sentence, it never adds a term.
/// </summary>
internal static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["holidai", "leav", "vacat", "annual"],
        ["boss", "manag", "supervisor"],
        ["quit", "resign", "leav"],
        ["kid", "child", "children"],
        ["text", "sm", "messag"],
        ["pai", "paid", "salari", "reimburs", "wage"],
        ["sick", "ill", "sick", "absenc"],
        ["car", "vehicl"],
        ["phone", "mobil"],
        ["doctor", "gp", "medic"],
        ["fire", "dismiss"],
        ["job", "role"],
        ["train", "rail"],
        ["food", "meal"],
        ["luggag", "baggag"],
        ["internet", "broadband"],
        ["websit", "site", "portal"],
        ["bike", "bicycl", "cycl"],
        ["jab", "vaccin"],
        ["pregnant", "pregnanc"],
        ["kit", "equip", "equipment"],
    ];

    private static readonly Dictionary<string, string[]> ByTerm = Groups
        .SelectMany(g => g.Select(t => (Term: t, Group: g)))
        .GroupBy(x => x.Term, StringComparer.Ordinal)
        .ToDictionary(x => x.Key, x => x.SelectMany(y => y.Group).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>True when <paramref name="terms"/> holds <paramref name="term"/> or a word listed as meaning the same.</summary>
    public static bool Matches(string term, IReadOnlySet<string> terms) =>
        terms.Contains(term) || (ByTerm.TryGetValue(term, out var same) && same.Any(terms.Contains));
}
