using System.Globalization;
using System.Text;

namespace Assay.Services.Rag.Evaluation;

/// <summary>The evaluation as a plain-text table (one row per retrieval mode) plus the gate's calibration line.</summary>
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
        text.Append(CultureInfo.InvariantCulture, $"not-in-documents gate on {gate.Answerable} answerable + {gate.Unanswerable} unanswerable questions (relevance = mean of cosine and IDF-weighted term coverage; a question passes when one retrieved passage passes):\n");
        text.Append(CultureInfo.InvariantCulture, $"  configured ({gate.Gate}): accuracy {gate.Accuracy:P1}\n");
        text.Append(CultureInfo.InvariantCulture, $"  relevance alone >= {gate.Gate.Threshold:F3}: accuracy {gate.RelevanceOnlyAccuracy:P1}; best relevance-only threshold on this set {gate.BestRelevanceOnlyThreshold:F3}: {gate.BestRelevanceOnlyAccuracy:P1}\n");
        text.Append(CultureInfo.InvariantCulture, $"  best pair on this set (fitted, so optimistic): {gate.Best}: accuracy {gate.BestAccuracy:P1}\n");
        foreach (var miss in gate.Misses)
        {
            var what = miss.Answerable ? "answerable, refused" : "unanswerable, answered";
            text.Append(CultureInfo.InvariantCulture, $"  miss (line {miss.Line}, {what}): \"{miss.Question}\" best passage relevance {miss.Relevance:F3}, coverage {miss.Coverage:F3}\n");
        }

        return text.ToString();
    }
}
