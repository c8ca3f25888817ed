using System.Globalization;
using Assay.Services.Rag.Chunking;
using Assay.Services.Rag.Index;
using Assay.Services.Text;

namespace Assay.Services.Rag.Answers;

/// <summary>
/// The offline answerability check after the <see cref="RelevanceGate"/>. Term overlap over a
/// whole passage lets a near-topic question through: "How many weeks' notice does the company
/// give when it lays someone off?" shares "weeks", "notice" and "give" with the employee's
/// resignation notice. So the answer must sit in one sentence (with the sentence before it and
/// the list lead-in it belongs to as context): for a question asking for a quantity, duration,
/// date, name or contact (<see cref="AnswerTypes"/>) that sentence must hold an entity of that
/// type and at least one focus term, and a question asking for a bound needs one stated; the window
/// must cover at least <see cref="TypedCoverage"/> (typed questions) or <see cref="UntypedCoverage"/>
/// (others) of the question's focus terms, IDF-weighted, terms absent from the index weighing as
/// the rarest, so "lays off" outweighs the common words.
/// </summary>
internal sealed class AnswerabilityCheck(RelevanceGate gate, double typedCoverage, double untypedCoverage)
{
    public double TypedCoverage { get; } = typedCoverage;

    public double UntypedCoverage { get; } = untypedCoverage;

    public AnswerDecision Decide(string question, IReadOnlyList<SearchHit> hits, Func<string, double> termWeight)
    {
        var admitted = hits.Where(gate.Admits).ToList();
        var type = AnswerTypes.Of(question);
        if (admitted.Count == 0)
        {
            var top = hits.Count == 0 ? 0 : hits.Max(h => h.Relevance);
            return new AnswerDecision(false, "relevance-gate", string.Create(CultureInfo.InvariantCulture, $"no passage passes {gate} (best relevance {top:F3})"), type, []);
        }

        var focus = Focus(question);
        var bound = AnswerTypes.AsksForBound(question);
        var least = type == AnswerType.None ? UntypedCoverage : TypedCoverage;
        var support = admitted
            .Select(h => Best(h, focus, type, bound, termWeight))
            .Where(s => s is not null && s.SentenceCoverage >= least)
            .Select(s => s!)
            .OrderByDescending(s => s.SentenceCoverage)
            .ToList();
        var check = type == AnswerType.None ? "focus-terms" : "answer-type";
        var what = type == AnswerType.None ? "the question's focus terms" : $"a {type.ToString().ToLowerInvariant()}{(bound ? " stated as a bound" : string.Empty)} together with the question's focus terms";
        if (support.Count == 0)
        {
            return new AnswerDecision(false, check, string.Create(CultureInfo.InvariantCulture, $"{admitted.Count} passage(s) pass the relevance gate, but no sentence holds {what} ({string.Join(", ", focus)}) at coverage >= {least:F2}"), type, []);
        }

        var best = support[0];
        return new AnswerDecision(true, check, string.Create(CultureInfo.InvariantCulture, $"a sentence on {best.Hit.Chunk.FileName} page {best.Hit.Chunk.Page} holds {what} (coverage {best.SentenceCoverage:F2})"), type, support);
    }

    /// <summary>The best window's focus-term coverage in <paramref name="hit"/> (null: no sentence holds the answer type): what <c>assay rag eval --fit</c> tunes on.</summary>
    public static double? Coverage(string question, SearchHit hit, Func<string, double> termWeight) =>
        Best(hit, Focus(question), AnswerTypes.Of(question), AnswerTypes.AsksForBound(question), termWeight)?.SentenceCoverage;

    private static List<string> Focus(string question)
    {
        var terms = TermAnalyzer.Terms(question).Distinct(StringComparer.Ordinal).ToList();
        var focus = terms.Where(AnswerTypes.IsFocus).ToList();
        return focus.Count == 0 ? terms : focus;
    }

    private static SupportedPassage? Best(SearchHit hit, IReadOnlyList<string> focus, AnswerType type, bool bound, Func<string, double> termWeight)
    {
        var sentences = SentenceChunker.Sentences(hit.Chunk.Text);
        var termsOf = sentences.Select(s => TermAnalyzer.Terms(s).ToHashSet(StringComparer.Ordinal)).ToList();
        var total = focus.Sum(termWeight);
        (int Index, double Coverage)? best = null;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (Quotes.IsHeading(sentences[i]) || !AnswerTypes.Holds(sentences[i], type))
            {
                continue;
            }

            // A typed answer must be about the question: its own sentence holds a focus term, not only its neighbour.
            if (type != AnswerType.None && !focus.Any(t => Synonyms.Matches(t, termsOf[i])))
            {
                continue;
            }

            var window = new HashSet<string>(termsOf[i], StringComparer.Ordinal);
            var context = sentences[i];
            if (i > 0)
            {
                window.UnionWith(termsOf[i - 1]);
            }

            var leadIn = Enumerable.Range(0, i).Reverse().FirstOrDefault(j => sentences[j].TrimEnd().EndsWith(':'), -1);
            if (leadIn >= 0)
            {
                window.UnionWith(termsOf[leadIn]);
                context = sentences[leadIn] + " " + context;
            }

            if (bound && !AnswerTypes.StatesBound(context))
            {
                continue;
            }

            var coverage = total == 0 ? 0 : focus.Where(t => Synonyms.Matches(t, window)).Sum(termWeight) / total;
            if (best is null || coverage > best.Value.Coverage)
            {
                best = (i, coverage);
            }
        }

        return best is null ? null : new SupportedPassage(hit, Quotes.Span(hit.Chunk.Text, [sentences[best.Value.Index]]), best.Value.Coverage);
    }
}
