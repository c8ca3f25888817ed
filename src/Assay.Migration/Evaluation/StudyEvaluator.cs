using Assay.Migration.Decision;
using Assay.Migration.Evaluation.Judges;
using Assay.Migration.Runs;
using Assay.Migration.Statistics;

namespace Assay.Migration.Evaluation;

/// <summary>
/// Evaluation's entry point: scores every stored call (reference metrics, judges), computes the
/// statistics, compares candidates with the source and decides. Deterministic for a given input
/// and seed (judges aside, which are models).
/// </summary>
public static class StudyEvaluator
{
    /// <summary>Evaluates a finished generation stage.</summary>
    /// <exception cref="AssayException">Bad settings (an unknown criterion metric, no source model) or, with <see cref="JudgeOptions.FailOnUnparsableAnswer"/>, a judge answer that is not a score.</exception>
    public static async Task<StudyResults> EvaluateAsync(EvaluationInput input, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var stage = MigrationTelemetry.Stage("evaluate");
        ArgumentNullException.ThrowIfNull(input);
        var options = input.Options;
        var source = Validate(input);
        var notes = input.Notes.ToList();
        var labels = input.Models.Select(m => m.Label).ToHashSet(StringComparer.Ordinal);
        var strays = input.Records.Where(r => !labels.Contains(r.Model)).Select(r => r.Model).Distinct(StringComparer.Ordinal).ToList();
        foreach (var stray in strays)
        {
            notes.Add(new StudyNote("warning", stray, $"The run store holds calls for '{stray}', which is not a model of this study; they were left out."));
        }

        var records = input.Records.Where(r => labels.Contains(r.Model))
            .OrderBy(r => input.Models.ToList().FindIndex(m => m.Label == r.Model))
            .ThenBy(r => r.ItemId, StringComparer.Ordinal).ThenBy(r => r.Repeat)
            .ToList();
        var items = input.Items.GroupBy(i => i.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ok = records.Where(Succeeded).ToList();

        // Scores per call, filled stage by stage.
        var scores = new CallScoreTable(records);
        var reasons = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal); // judged calls only
        // The item, not its reference text: a spilled reference is read when it is scored, not held for every call.
        var withReference = ok.Where(r => items.TryGetValue(r.ItemId, out var it) && it.HasReference)
            .Select(r => (r, items[r.ItemId])).ToList();
        var metrics = (await ReferenceMetricScorer.ScoreAsync(withReference, options.Metrics, r => scores[r], progress, cancellationToken)).ToList();
        var referenceMetrics = metrics.Where(m => m != MetricNames.LengthRatio).ToList();

        JudgeChecks? checks = null;
        IReadOnlyList<JudgeFlag> flags = [];
        if (options.Judges is { Judges.Count: > 0 } judges)
        {
            var run = await RunJudgesAsync(judges, ok, source, items, options.Seed, progress, cancellationToken);
            metrics.AddRange(JudgeScoreMerger.Merge(run, judges, scores, reasons));
            checks = JudgeCheckCalculator.Compute(run, judges, scores.ByKey(), referenceMetrics);
            flags = run.Flags;
            notes.AddRange(JudgeTrust.Notes(run, checks, judges, options.Criteria));
        }

        if (options.ImportedJudgements.Count > 0)
        {
            metrics.AddRange(JudgementImport.Apply(options.ImportedJudgements, ok, items, scores, notes));
        }

        Assay.Runs.StageMemory.Release(); // the texts read back for scoring are garbage now; the statistics come next
        var bootstrap = new Bootstrap(options.BootstrapResamples, options.ConfidenceLevel, options.IntervalMethod);
        var itemScores = ItemScores(ok, scores, metrics);
        // Each model's figures are independent and seeded: computed side by side on the machine's cores, in study order.
        var statistics = (await Task.WhenAll(input.Models.Select(m => Task.Run(
            () => ModelStatisticsCalculator.Compute(
                m,
                records.Where(r => r.Model == m.Label).ToList(),
                itemScores.TryGetValue(m.Label, out var s) ? s : new Dictionary<string, IReadOnlyDictionary<string, double>>(),
                bootstrap,
                options.Seed,
                options.MonthlyVolume),
            cancellationToken)))).ToList();

        ValidateCriteria(options.Criteria, metrics);
        var comparisons = await CompareAsync(input.Models, source, itemScores, metrics, options, bootstrap, cancellationToken);
        notes.AddRange(SampleSizeText.Notes(comparisons, options.Criteria.MinPairedItems));
        var overlap = Overlap(input.Models, source, ok);
        foreach (var o in overlap.Where(o => o.Shared == 0))
        {
            notes.Add(new StudyNote("warning", o.Candidate, options.AllowUnpaired
                ? $"{o.Candidate} shares no item with the source: its comparisons are UNPAIRED means over different items."
                : $"{o.Candidate} shares no item with the source: no comparison was made (set allowUnpaired: true to compare means over different items, labelled unpaired)."));
        }

        var primary = options.PrimaryQualityMetric
            ?? options.Criteria.Quality.Select(q => q.Metric).FirstOrDefault()
            ?? metrics.FirstOrDefault(m => m.StartsWith("judge.", StringComparison.Ordinal))
            ?? metrics.FirstOrDefault(m => m == MetricNames.RougeL)
            ?? metrics.FirstOrDefault();
        var pareto = ParetoFront.Compute(statistics
            .Where(s => primary is not null && s.Quality.ContainsKey(primary) && s.ClientLatency is not null && s.CostPerCallUsd is not null)
            .Select(s => (s.Model, s.Quality[primary!].Value, s.ClientLatency!.P90.Value, s.CostPerCallUsd!.Value))
            .ToList());
        var decision = DecisionMaker.Decide(statistics, comparisons, options.Criteria, options.Weights, primary);

        return new StudyResults
        {
            StudyName = input.StudyName,
            GeneratedAt = input.Time.GetUtcNow(),
            Models = input.Models,
            Options = options,
            Metrics = metrics,
            PrimaryQualityMetric = primary,
            Items = input.Items,
            Calls = records.Select(r => new CallScores
            {
                Record = r,
                Row = items.TryGetValue(r.ItemId, out var it) ? it.Row : 0,
                Scores = scores[r],
                Reasons = reasons.Count > 0 && reasons.TryGetValue(CallKey.Of(r), out var why) ? why : NoReasons,
            }).ToList(),
            Statistics = statistics,
            Comparisons = comparisons,
            Overlap = overlap,
            Pareto = pareto,
            JudgeChecks = checks,
            JudgeFlags = flags,
            Decision = decision,
            Notes = notes,
            Optimizations = input.Optimizations,
            Versions = Versions(options),
        };
    }

    private static readonly IReadOnlyDictionary<string, string> NoReasons = new Dictionary<string, string>();

    internal static bool Succeeded(GenerationRecord r) => r.Error is null && r.HasResponse;

    private static ModelDescriptor Validate(EvaluationInput input)
    {
        var sources = input.Models.Where(m => m.IsSource).ToList();
        if (sources.Count != 1)
        {
            throw new AssayException(sources.Count == 0
                ? "The study has no source model: mark the model being replaced as the source."
                : $"The study marks {sources.Count} models as the source ({string.Join(", ", sources.Select(s => s.Label))}): mark exactly one.");
        }

        var duplicate = input.Models.GroupBy(m => m.Label, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new AssayException($"Two models of the study are named '{duplicate.Key}': give each candidate a distinct name.");
        }

        return sources[0];
    }

    private static void ValidateCriteria(DecisionCriteria criteria, List<string> metrics)
    {
        foreach (var q in criteria.Quality)
        {
            if (!metrics.Contains(q.Metric))
            {
                throw new AssayException($"criteria.quality: metric '{q.Metric}' is not computed by this study (computed: {(metrics.Count == 0 ? "none" : string.Join(", ", metrics))}); add it to metrics or judges, or fix its name.");
            }

            if (q.Metric == MetricNames.LengthRatio)
            {
                throw new AssayException("criteria.quality: length_ratio has no better direction and cannot be a quality criterion; use a ROUGE, similarity or judge metric.");
            }

            if (q.Margin < 0 || double.IsNaN(q.Margin))
            {
                throw new AssayException($"criteria.quality: the margin of '{q.Metric}' is {q.Margin}; give a margin of zero or more on the metric's scale (e.g. 0.05).");
            }
        }
    }

    private static async Task<JudgeRun> RunJudgesAsync(
        JudgeOptions judges,
        List<GenerationRecord> ok,
        ModelDescriptor source,
        Dictionary<string, StudyItem> items,
        int seed,
        IProgress<EvaluationProgress>? progress,
        CancellationToken cancellationToken)
    {
        // The same items for every model: a seeded sample of the items the source answered.
        var candidates = ok.Where(r => r.Model == source.Label).Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            candidates = ok.Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }

        var rng = new Random(StableSeed.For(seed, "judge-sample"));
        var chosen = judges.MaxItems is { } max && max < candidates.Count
            ? candidates.OrderBy(_ => rng.Next()).Take(max).ToHashSet(StringComparer.Ordinal)
            : candidates.ToHashSet(StringComparer.Ordinal);

        int Row(string id) => items.TryGetValue(id, out var it) ? it.Row : 0;
        string? Ref(string id) => items.TryGetValue(id, out var it) ? it.Reference : null;
        var targets = ok.Where(r => chosen.Contains(r.ItemId)).Select(r => new JudgeTarget(r, Row(r.ItemId), Ref(r.ItemId))).ToList();
        var firstBySource = ok.Where(r => r.Model == source.Label).GroupBy(r => r.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MinBy(r => r.Repeat)!, StringComparer.Ordinal);
        var pairs = ok.Where(r => r.Model != source.Label && chosen.Contains(r.ItemId) && firstBySource.ContainsKey(r.ItemId))
            .GroupBy(r => (r.Model, r.ItemId))
            .Select(g => g.MinBy(r => r.Repeat)!)
            .Select(c => new JudgePair(c, firstBySource[c.ItemId], Row(c.ItemId), Ref(c.ItemId)))
            .ToList();
        return await new JudgeRunner(judges, progress).RunAsync(targets, pairs, cancellationToken);
    }

    // model -> metric -> item -> mean over that item's repeats.
    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> ItemScores(
        List<GenerationRecord> ok, CallScoreTable scores, List<string> metrics) =>
        ok.GroupBy(r => r.Model, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>)metrics.ToDictionary(
                m => m,
                m => (IReadOnlyDictionary<string, double>)g
                    .Select(r => (r.ItemId, Value: scores[r].GetValueOrDefault(m)))
                    .Where(x => x.Value.HasValue && double.IsFinite(x.Value.Value))
                    .GroupBy(x => x.ItemId, StringComparer.Ordinal)
                    .ToDictionary(x => x.Key, x => x.Average(v => v.Value!.Value), StringComparer.Ordinal),
                StringComparer.Ordinal),
            StringComparer.Ordinal);

    // Every (candidate, metric) comparison is independent and seeded: computed side by side, returned in study order.
    private static async Task<List<PairedComparison>> CompareAsync(
        IReadOnlyList<ModelDescriptor> models,
        ModelDescriptor source,
        Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> itemScores,
        List<string> metrics,
        EvaluationOptions options,
        Bootstrap bootstrap,
        CancellationToken cancellationToken)
    {
        var result = new List<Task<PairedComparison>>();
        var empty = new Dictionary<string, double>();
        foreach (var cand in models.Where(m => !m.IsSource))
        {
            var candScores = itemScores.GetValueOrDefault(cand.Label);
            var sourceScores = itemScores.GetValueOrDefault(source.Label);
            foreach (var metric in metrics)
            {
                var margin = options.Criteria.Quality.FirstOrDefault(q => q.Metric == metric)?.Margin;
                var c = candScores?.GetValueOrDefault(metric) ?? empty;
                if (c.Count == 0)
                {
                    continue;
                }

                // Pairwise win rates are already relative to the source: compare with 0.5 (no preference).
                var s = metric.StartsWith("pairwise.", StringComparison.Ordinal)
                    ? c.ToDictionary(kv => kv.Key, _ => 0.5, StringComparer.Ordinal)
                    : sourceScores?.GetValueOrDefault(metric) ?? empty;
                result.Add(Task.Run(() => PairedComparer.Compare(cand.Label, metric, s, c, margin, options.AllowUnpaired, bootstrap, options.Seed, options.Criteria.MinPairedItems), cancellationToken));
            }
        }

        return [.. await Task.WhenAll(result)];
    }

    private static List<ItemOverlap> Overlap(IReadOnlyList<ModelDescriptor> models, ModelDescriptor source, List<GenerationRecord> ok)
    {
        HashSet<string> ItemsOf(string label) => ok.Where(r => r.Model == label).Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        var s = ItemsOf(source.Label);
        return models.Where(m => !m.IsSource).Select(m =>
        {
            var c = ItemsOf(m.Label);
            return new ItemOverlap(m.Label, s.Count, c.Count, c.Count(s.Contains));
        }).ToList();
    }

    private static Dictionary<string, string> Versions(EvaluationOptions options)
    {
        var v = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["assay"] = AssayVersion.Current,
            ["dotnet"] = Environment.Version.ToString(),
            ["summary_schema"] = Outputs.SummaryJson.SchemaVersion,
        };
        if (options.Metrics.EmbeddingModelId is { } e)
        {
            v["embedding_model"] = e;
        }

        if (options.Judges is { } j)
        {
            for (var i = 0; i < j.Judges.Count; i++)
            {
                v[i == 0 ? "judge" : "judge_" + j.Judges[i].Name] = j.Judges[i].ModelId;
            }
        }

        return v;
    }
}
