using Assay.Migration.Evaluation.Judges;

namespace Assay.Migration.Evaluation;

/// <summary>
/// Metric keys as they appear in the study file, results.csv and summary.json. Reference
/// metrics are plain (<c>rouge1</c>); judge metrics are <c>judge.METRIC</c> for the primary judge and
/// <c>judge.METRIC@NAME</c> for a second judge; pairwise win rates are <c>pairwise.METRIC</c>;
/// scores imported from a managed evaluation job are <c>managed.METRIC</c>.
/// </summary>
public static class MetricNames
{
    public const string Rouge1 = "rouge1";
    public const string Rouge2 = "rouge2";
    public const string RougeL = "rougeL";
    public const string SemanticSimilarity = "semantic_similarity";
    public const string LengthRatio = "length_ratio";

    /// <summary>The key of a judge metric, e.g. <c>judge.correctness</c>, or <c>judge.correctness@claude</c> for a second judge.</summary>
    public static string Judge(JudgeMetric metric, string? secondJudgeName = null) =>
        "judge." + Snake(metric) + (secondJudgeName is null ? "" : "@" + secondJudgeName);

    /// <summary>The key of a pairwise win rate of candidate over source, e.g. <c>pairwise.correctness</c>.</summary>
    public static string Pairwise(JudgeMetric metric) => "pairwise." + Snake(metric);

    /// <summary>False for metrics where lower is better (harmfulness, refusal) and for length ratio (closer to 1 is better: not ranked).</summary>
    public static bool HigherIsBetter(string metric) =>
        !(metric.StartsWith("judge.harmfulness", StringComparison.Ordinal)
          || metric.StartsWith("judge.refusal", StringComparison.Ordinal)
          || metric.StartsWith("managed.harmfulness", StringComparison.Ordinal)
          || metric.StartsWith("managed.refusal", StringComparison.Ordinal)
          || metric == LengthRatio);

    /// <summary>True for metrics computed offline and extractively (no model involved).</summary>
    public static bool IsExtractive(string metric) => metric is Rouge1 or Rouge2 or RougeL or LengthRatio;

    internal static string Snake(JudgeMetric metric)
    {
        var name = metric.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
