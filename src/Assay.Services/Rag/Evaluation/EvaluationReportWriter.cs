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
        text.Append(CultureInfo.InvariantCulture, $"not-in-documents gate: {gate.Answerable} answerable + {gate.Unanswerable} unanswerable questions; accuracy {gate.Accuracy:P0} at threshold {gate.Threshold:F3}; best on this set {gate.BestAccuracy:P0} at {gate.BestThreshold:F3} (relevance = mean of cosine and IDF-weighted term coverage)\n");
        return text.ToString();
    }
}
