using System.Text;
using System.Text.Json;
using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Migration.Statistics;

namespace Assay.Migration.Outputs;

/// <summary>summary.json's judge checks and judge-metric correlations.</summary>
internal static partial class SummaryJson
{
    private static void JudgeChecks(Utf8JsonWriter w, StudyResults r)
    {
        if (r.JudgeChecks is not { } c)
        {
            w.WriteNull("judge_checks");
        }
        else
        {
            w.WriteStartObject("judge_checks");
            w.WriteStartArray("position_bias");
            foreach (var p in c.PositionBias)
            {
                w.WriteStartObject();
                w.WriteString("metric", p.Metric);
                w.WriteNumber("pairs", p.Pairs);
                Num(w, "first_position_rate", p.FirstPositionRate);
                Num(w, "inconsistent_rate", p.InconsistentRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Correlations(w, "verbosity_bias", c.VerbosityBias);
            w.WriteStartArray("repeat_variance");
            foreach (var v in c.RepeatVariance)
            {
                w.WriteStartObject();
                w.WriteString("metric", v.Metric);
                w.WriteNumber("responses", v.Responses);
                Num(w, "mean_std", v.MeanStdDev);
                Num(w, "changed_rate", v.ChangedRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("agreement");
            foreach (var a in c.Agreement)
            {
                w.WriteStartObject();
                w.WriteString("metric", a.Metric);
                w.WriteString("judge_a", a.JudgeA);
                w.WriteString("judge_b", a.JudgeB);
                w.WriteNumber("n", a.N);
                Num(w, "weighted_kappa", a.WeightedKappa);
                Num(w, "krippendorff_alpha", a.KrippendorffAlpha);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Correlations(w, "reference_agreement", c.ReferenceAgreement);
            w.WriteEndObject();
        }

        w.WriteStartArray("judge_flags");
        foreach (var f in r.JudgeFlags)
        {
            w.WriteStartObject();
            w.WriteString("judge", f.Judge);
            w.WriteString("metric", f.Metric);
            w.WriteString("model", f.Model);
            w.WriteString("item_id", f.ItemId);
            w.WriteNumber("row", f.Row);
            w.WriteNumber("repeat", f.Repeat);
            w.WriteNumber("judge_repeat", f.JudgeRepeat);
            w.WriteString("problem", f.Problem);
            w.WriteString("answer_excerpt", f.AnswerExcerpt);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Correlations(Utf8JsonWriter w, string name, IReadOnlyList<Evaluation.Judges.Correlation> list)
    {
        w.WriteStartArray(name);
        foreach (var c in list)
        {
            w.WriteStartObject();
            w.WriteString("x", c.X);
            w.WriteString("y", c.Y);
            Num(w, "spearman_rho", c.Rho);
            w.WriteNumber("n", c.N);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
