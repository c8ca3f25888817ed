using System.Text;
using System.Text.Json;
using Assay.Migration.Decision;
using Assay.Migration.Evaluation;
using Assay.Migration.Statistics;

namespace Assay.Migration.Outputs;

/// <summary>summary.json: every figure per model, the comparisons, the decision and versions. Schema: summary-schema.md.</summary>
internal static partial class SummaryJson
{
    public const string SchemaVersion = "1";

    public static string Write(StudyResults r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema_version", SchemaVersion);
            w.WriteString("study", r.StudyName);
            w.WriteString("generated_at", r.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            Settings(w, r);
            w.WriteStartArray("models");
            foreach (var s in r.Statistics)
            {
                Model(w, s, r.Models.Single(m => m.Label == s.Model));
            }

            w.WriteEndArray();
            w.WriteStartArray("comparisons");
            foreach (var c in r.Comparisons)
            {
                w.WriteStartObject();
                w.WriteString("candidate", c.Candidate);
                w.WriteString("metric", c.Metric);
                w.WriteBoolean("paired", c.Paired);
                w.WriteNumber("n", c.Difference.N);
                Num(w, "source_mean", c.SourceMean);
                Num(w, "candidate_mean", c.CandidateMean);
                Est(w, "difference", c.Difference);
                w.WriteBoolean("higher_is_better", c.HigherIsBetter);
                Num(w, "margin", c.Margin);
                w.WriteString("verdict", Snake(c.Verdict.ToString()));
                ComparisonPlanJson.Write(w, c);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("overlap");
            foreach (var o in r.Overlap)
            {
                w.WriteStartObject();
                w.WriteString("candidate", o.Candidate);
                w.WriteNumber("source_items", o.SourceItems);
                w.WriteNumber("candidate_items", o.CandidateItems);
                w.WriteNumber("shared_items", o.Shared);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("pareto");
            w.WriteString("quality_metric", r.PrimaryQualityMetric);
            w.WriteStartArray("points");
            foreach (var p in r.Pareto)
            {
                w.WriteStartObject();
                w.WriteString("model", p.Model);
                Num(w, "quality", p.Quality);
                Num(w, "p90_latency_ms", p.P90LatencyMs);
                Num(w, "cost_per_call_usd", p.CostPerCallUsd);
                w.WriteBoolean("on_front", p.OnFront);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Criteria(w, r.Options.Criteria);
            Decision(w, r.Decision, r.Options.Weights);
            JudgeChecks(w, r);
            OptimizationSummary.Write(w, r.Optimizations);
            w.WriteStartArray("notes");
            foreach (var n in r.Notes)
            {
                w.WriteStartObject();
                w.WriteString("severity", n.Severity);
                w.WriteString("subject", n.Subject);
                w.WriteString("message", n.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("versions");
            foreach (var (k, v) in r.Versions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Settings(Utf8JsonWriter w, StudyResults r)
    {
        var o = r.Options;
        w.WriteStartObject("settings");
        w.WriteNumber("seed", o.Seed);
        w.WriteNumber("bootstrap_resamples", o.BootstrapResamples);
        w.WriteNumber("confidence_level", o.ConfidenceLevel);
        w.WriteString("interval_method", o.IntervalMethod == IntervalMethod.Bca ? "BCa bootstrap (paired for differences)" : "percentile bootstrap (paired for differences)");
        w.WriteString("percentile_method", "linear interpolation (Hyndman-Fan type 7, numpy default)");
        w.WriteNumber("monthly_volume", o.MonthlyVolume);
        w.WriteBoolean("allow_unpaired", o.AllowUnpaired);
        w.WriteString("primary_quality_metric", r.PrimaryQualityMetric);
        w.WriteStartArray("metrics");
        foreach (var m in r.Metrics)
        {
            w.WriteStringValue(m);
        }

        w.WriteEndArray();
        w.WriteBoolean("rouge_stemmer", o.Metrics.RougeStemmer);
        w.WriteString("embedding_model", o.Metrics.Embeddings is null ? null : o.Metrics.EmbeddingModelId ?? "unnamed");
        if (o.Judges is { } j)
        {
            w.WriteStartObject("judges");
            w.WriteStartArray("models");
            foreach (var m in j.Judges)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("model_id", m.ModelId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("pairwise", j.Pairwise);
            w.WriteNumber("repeats", j.Repeats);
            Num(w, "max_items", j.MaxItems);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("judges");
        }

        w.WriteEndObject();
    }

    private static void Model(Utf8JsonWriter w, ModelStatistics s, ModelDescriptor d)
    {
        w.WriteStartObject();
        w.WriteString("model", s.Model);
        w.WriteString("model_id", s.ModelId);
        w.WriteBoolean("is_source", s.IsSource);
        w.WriteString("prompt_template", d.PromptTemplate);
        Num(w, "price_per_1k_input_usd", (double?)d.PricePer1KInputUsd);
        Num(w, "price_per_1k_output_usd", (double?)d.PricePer1KOutputUsd);
        w.WriteNumber("calls", s.Calls);
        w.WriteNumber("succeeded", s.Succeeded);
        w.WriteNumber("failed", s.Failed);
        w.WriteNumber("cached", s.Cached);
        w.WriteNumber("replayed", s.Replayed);
        w.WriteString("figures", Figures.Measured(s));
        w.WriteString("generation", Figures.Generation(s));
        w.WriteString("latency_source", Figures.LatencySource(s));
        w.WriteNumber("items", s.Items);
        Est(w, "input_tokens_mean", s.InputTokens);
        Est(w, "output_tokens_mean", s.OutputTokens);
        w.WriteBoolean("tokens_estimated", s.TokensEstimated);
        Est(w, "cost_per_call_usd", s.CostPerCallUsd);
        Est(w, "cost_per_month_usd", s.CostPerMonthUsd);
        w.WriteStartObject("latency_ms");
        Latency(w, "client", s.ClientLatency);
        Latency(w, "server", s.ServerLatency);
        Latency(w, "first_token", s.FirstTokenLatency);
        w.WriteEndObject();
        w.WriteStartObject("quality");
        foreach (var (metric, e) in s.Quality)
        {
            Est(w, metric, e);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Latency(Utf8JsonWriter w, string name, LatencyStatistics? l)
    {
        if (l is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("n", l.N);
        Est(w, "mean", l.Mean);
        Est(w, "p50", l.P50);
        Est(w, "p90", l.P90);
        Est(w, "p95", l.P95);
        Num(w, "std", l.StdDev);
        Num(w, "min", l.Min);
        Num(w, "max", l.Max);
        w.WriteEndObject();
    }

    private static void Criteria(Utf8JsonWriter w, DecisionCriteria c)
    {
        w.WriteStartObject("criteria");
        w.WriteStartArray("quality");
        foreach (var q in c.Quality)
        {
            w.WriteStartObject();
            w.WriteString("metric", q.Metric);
            w.WriteNumber("margin", q.Margin);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (c.Latency is { } l)
        {
            w.WriteStartObject("latency");
            w.WriteString("statistic", l.Statistic);
            w.WriteString("kind", Snake(l.Kind.ToString()));
            Num(w, "max_ms", l.MaxMs);
            w.WriteNumber("tolerance_percent", l.TolerancePercent);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("latency");
        }

        Num(w, "min_cost_reduction_percent", c.MinCostReductionPercent);
        w.WriteString("prefer", Snake(c.Prefer.ToString()));
        w.WriteEndObject();
    }

    private static void Decision(Utf8JsonWriter w, StudyDecision d, WeightedScoreWeights weights)
    {
        w.WriteStartObject("decision");
        w.WriteString("recommended_model", d.RecommendedModel);
        w.WriteString("summary", d.Summary);
        w.WriteStartArray("candidates");
        foreach (var c in d.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("model", c.Model);
            w.WriteBoolean("meets_all", c.MeetsAll);
            w.WriteStartArray("criteria");
            foreach (var r in c.Criteria)
            {
                w.WriteStartObject();
                w.WriteString("criterion", r.Criterion);
                w.WriteBoolean("passed", r.Passed);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("weighted_score");
        w.WriteStartObject("weights");
        w.WriteNumber("latency", weights.Latency);
        w.WriteNumber("cost", weights.Cost);
        w.WriteNumber("quality", weights.Quality);
        w.WriteEndObject();
        w.WriteStartArray("scores");
        foreach (var s in d.WeightedScores)
        {
            w.WriteStartObject();
            w.WriteString("model", s.Model);
            Num(w, "score", s.Score);
            Num(w, "latency_part", s.LatencyPart);
            Num(w, "cost_part", s.CostPart);
            Num(w, "quality_part", s.QualityPart);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // Estimates as {value, lower, upper, n}; NaN and missing bounds as null (JSON has no NaN).
    internal static void Est(Utf8JsonWriter w, string name, Estimate? e)
    {
        if (e is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        Num(w, "value", e.Value);
        Num(w, "lower", e.Lower);
        Num(w, "upper", e.Upper);
        w.WriteNumber("n", e.N);
        w.WriteEndObject();
    }

    internal static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x && double.IsFinite(x))
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Snake(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
