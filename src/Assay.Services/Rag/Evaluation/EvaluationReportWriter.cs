using System.Globalization;
using System.Text;

namespace Assay.Services.Rag.Evaluation;

/// <summary>The evaluation as plain text: retrieval per mode, the gate's calibration, then the answerability checks per split with 95% intervals and every miss.</summary>
public static class EvaluationReportWriter
{
    public static string Format(EvaluationReport report)
    {
        var k = report.Modes[0].K;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"retrieval on index '{report.Index}', {report.Modes[0].Questions} answerable questions (a hit = a passage holding the question's evidence)\n");
        text.Append(CultureInfo.InvariantCulture, $"{"mode",-8} {"recall@" + k,10} {"MRR",8} {"nDCG@" + k,9}\n");
        foreach (var mode in report.Modes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{mode.Mode.ToString().ToLowerInvariant(),-8} {mode.RecallAtK,10:F3} {mode.Mrr,8:F3} {mode.NdcgAtK,9:F3}\n");
        }

        var gate = report.Gate;
        text.Append(CultureInfo.InvariantCulture, $"relevance gate alone, on split '{report.GateSplit}' ({gate.Answerable} answerable + {gate.Unanswerable} unanswerable; relevance = mean of cosine and IDF-weighted term coverage):\n");
        text.Append(CultureInfo.InvariantCulture, $"  configured ({gate.Gate}): accuracy {gate.Accuracy:P1}; relevance alone {gate.RelevanceOnlyAccuracy:P1}\n");
        text.Append(CultureInfo.InvariantCulture, $"  best pair on this split (fitted, so optimistic): {gate.Best}: accuracy {gate.BestAccuracy:P1}\n");
        var rag = report.Settings;
        text.Append(CultureInfo.InvariantCulture, $"answerability, offline (relevance gate on the top {rag.AnswerPassages} hybrid passages, then answer type + focus terms per sentence: coverage >= {rag.MinSentenceCoverage:F2} typed, >= {rag.MinFocusCoverage:F2} untyped); 95% Wilson intervals:\n");
        text.Append(CultureInfo.InvariantCulture, $"{"split",-6} {"gate accuracy",-26} {"answerable recall",-26} {"near-topic refused",-26} {"off-topic refused",-26} {"cites page+evidence",-26}\n");
        foreach (var split in report.Splits)
        {
            text.Append(CultureInfo.InvariantCulture, $"{split.Split,-6} {Show(split.Accuracy),-26} {Show(split.AnswerableRecall),-26} {Show(split.NearTopicRefused),-26} {Show(split.OffTopicRefused),-26} {Show(split.CitedEvidence),-26}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"settings fitted on split '{report.GateSplit}' only (grid; optimistic there): {report.Fit}\n");
        foreach (var miss in report.Splits.SelectMany(s => s.Misses))
        {
            var what = miss.Answerable ? "answerable, refused" : $"{miss.Kind ?? "unanswerable"}, answered";
            text.Append(CultureInfo.InvariantCulture, $"  miss [{miss.Split}] line {miss.Line} ({what}, {miss.Check}): \"{miss.Question}\" - {miss.Reason}\n");
        }

        return text.ToString();
    }

    private static string Show(Proportion p)
    {
        if (p.Trials == 0)
        {
            return "n/a";
        }

        var (low, high) = p.Interval95;
        return string.Create(CultureInfo.InvariantCulture, $"{p.Value:P1} [{low:P0}-{high:P0}] {p.Successes}/{p.Trials}");
    }
}
