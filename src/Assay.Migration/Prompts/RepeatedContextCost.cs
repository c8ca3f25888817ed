using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Runs;
using Assay.Models.Tokenization;

namespace Assay.Migration.Prompts;

/// <summary>
/// The measured cost of a prompt that sends each document more than once, as a warning note per
/// model: extra input tokens per item (the study's documents counted with the study's token
/// counter) and the share of the mean cost per call they make. The price of an input token is
/// the study file's, else the one the model's own calls imply (least squares of cost on input
/// and output tokens over its successful calls, which recovers a linear price exactly).
/// </summary>
internal static class RepeatedContextCost
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<StudyNote> Notes(
        Study.Study study,
        IReadOnlyDictionary<string, PromptTemplate> prompts,
        IReadOnlyList<StudyItem> items,
        IReadOnlyList<GenerationRecord> records,
        ITokenCounter tokens)
    {
        foreach (var model in new[] { study.Source }.Concat(study.Candidates))
        {
            var template = prompts.TryGetValue(model.Name, out var p) ? p : model.Prompt;
            var times = template.Placeholders.Count(x => PromptTemplate.IsContextName(x.Name) && !x.DoubleBraced);
            var warned = model.PromptWarnings.Any(w => w.Code == "duplicated-placeholder");
            if (times < 2 || !warned)
            {
                continue;
            }

            var extra = items.Count == 0 ? 0 : items.Average(i => (double)tokens.Count(i.Document)) * (times - 1);
            var calls = records.Where(r => r.Model == model.Name && r.Error is null && r.HasResponse).ToList();
            var share = CostShare(extra, calls, model.PricePer1k?.Input);
            var text = string.Format(Inv, "{0} sends each document {1} times: +{2:N0} input tokens per item ({3})", model.PromptField, times, extra, tokens.Method) +
                (share is { } s ? string.Format(Inv, ", +{0:0.#}% cost per call ({1})", s.Percent, s.Method) : ", cost share unknown (no priced calls)") +
                "; keep one {context} unless the model needs it twice.";
            yield return new StudyNote("warning", model.Name, text);
        }
    }

    private static (double Percent, string Method)? CostShare(double extraTokens, List<GenerationRecord> calls, decimal? inputPer1k)
    {
        var priced = calls.Where(c => c.CostUsd.HasValue).ToList();
        if (priced.Count == 0)
        {
            return null;
        }

        var meanCost = priced.Average(c => (double)c.CostUsd!.Value);
        if (meanCost <= 0)
        {
            return null;
        }

        if (inputPer1k is { } price)
        {
            return (extraTokens * (double)price / 1000 / meanCost * 100, "at the study file's input price");
        }

        return InputPrice(priced) is { } perToken
            ? (extraTokens * perToken / meanCost * 100, "input price implied by its calls' cost and tokens")
            : null;
    }

    // cost = a * input + b * output, least squares without intercept; null when the tokens do not determine a.
    private static double? InputPrice(List<GenerationRecord> calls)
    {
        double sii = 0, sio = 0, soo = 0, sic = 0, soc = 0;
        foreach (var c in calls)
        {
            double i = c.InputTokens, o = c.OutputTokens, y = (double)c.CostUsd!.Value;
            sii += i * i;
            sio += i * o;
            soo += o * o;
            sic += i * y;
            soc += o * y;
        }

        var det = (sii * soo) - (sio * sio);
        if (Math.Abs(det) <= 1e-9 * sii * soo || sii == 0)
        {
            return null;
        }

        var a = ((sic * soo) - (soc * sio)) / det;
        return a >= 0 ? a : null;
    }
}
