using Assay.Migration.Datasets;
using Assay.Migration.Prompts;
using Assay.Migration.Statistics;
using Assay.Models;
using Assay.Tabular;

namespace Assay.Migration.Study;

/// <summary>Turns a parsed study file into a <see cref="Study"/>, or throws naming file, line, field and the fix.</summary>
/// <param name="sandbox">When set, every file the study reads must lie inside this folder, checked before whether it exists (a server reading an uploaded study must not reveal which of its own files exist).</param>
internal sealed partial class StudyValidator(StudyFile file, string filePath, YamlLocations locations, string? sandbox = null)
{
    private readonly string _folder = Path.GetDirectoryName(filePath) ?? ".";

    // Every prompt error of every model, reported together once all prompts are read.
    private readonly List<string> _promptErrors = [];

    public Study Validate()
    {
        var dataset = file.Dataset ?? throw Error("dataset", "is missing; add 'dataset: { path: items.csv }'");
        var datasetPath = ResolveFile(Require(dataset.Path, "dataset.path", "a CSV or JSONL file such as 'items.csv'"), "dataset.path");
        if (!File.Exists(datasetPath))
        {
            throw Error("dataset.path", $"'{dataset.Path}' does not exist (looked at {datasetPath}); paths are relative to the study file's folder");
        }

        var source = ReadSource(file.Source ?? throw Error("source", "is missing; add 'source: { model: ..., prompt: ... }' (the model being replaced)"));
        var candidates = ReadCandidates(source);
        if (_promptErrors.Count > 0)
        {
            throw new AssayException(_promptErrors.Count == 1
                ? _promptErrors[0]
                : $"{_promptErrors.Count} problems in the study's prompts (fix them all, then run again):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", _promptErrors));
        }

        var anyOptimized = candidates.Any(c => c.Optimizer is not null);
        var devShare = file.DevShare ?? (anyOptimized ? 0.3 : 0.0);
        Check(devShare is >= 0 and <= 0.9, "devShare", $"is {devShare}; use a share between 0 and 0.9 (0.3 = 30% of items choose prompts, the rest are reported)");
        Check(!anyOptimized || devShare > 0, "devShare", "is 0 but a candidate is optimized; prompts must be chosen on development items, never on the reported ones: use e.g. 0.3");

        var (metrics, embedding) = ReadMetrics();
        var judges = ReadJudges();
        var (criteria, primary) = ReadCriteria(metrics, judges);
        var weights = ReadWeights();
        var concurrency = file.Concurrency ?? 4;
        Check(concurrency is >= 1 and <= 1024, "concurrency", $"is {concurrency}; use 1 to 1024 calls in flight");
        var repeats = file.Repeats ?? 1;
        Check(repeats is >= 1 and <= 100, "repeats", $"is {repeats}; use 1 to 100 calls per item and model");
        Check(file.RequestsPerMinute is null or > 0, "requestsPerMinute", "must be a positive number of requests per minute per model");
        Check(file.MonthlyVolume is null or >= 0, "monthlyVolume", "must be a non-negative number of calls per month");
        var store = file.Store;
        Check(store is null || store == "sqlite" || store.StartsWith("sqlite:", StringComparison.Ordinal) || store.StartsWith("postgres:", StringComparison.Ordinal),
            "store", "must be 'sqlite', 'sqlite:PATH' or 'postgres:CONNECTION-STRING'");
        if (store is not null && store.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            store = "sqlite:" + Resolve(store["sqlite:".Length..]);
        }

        var intervals = file.Intervals ?? new IntervalsSection();
        var method = intervals.Method?.Trim().ToLowerInvariant() switch
        {
            null or "bca" => IntervalMethod.Bca,
            "percentile" => IntervalMethod.Percentile,
            _ => (IntervalMethod?)null,
        };
        Check(method is not null, "intervals.method", $"is '{intervals.Method}'; use 'bca' (bias-corrected and accelerated, the default) or 'percentile'");
        Check(intervals.Level is null or (>= 0.5 and < 1), "intervals.level", "must be a confidence level from 0.5 to below 1, e.g. 0.95");
        Check(intervals.Resamples is null or (>= 200 and <= 100_000), "intervals.resamples", "must be between 200 and 100000 bootstrap resamples");
        var generation = file.Generation ?? new GenerationSection();
        Check(generation.MaxTokens is null or (> 0 and <= 100_000), "generation.maxTokens", "must be between 1 and 100000");
        Check(generation.Temperature is null or (>= 0 and <= 2), "generation.temperature", "must be between 0 and 2");
        Check(generation.TopP is null or (> 0 and <= 1), "generation.topP", "must be above 0 and at most 1");
        return new Study
        {
            FilePath = filePath,
            Name = string.IsNullOrWhiteSpace(file.Name) ? Path.GetFileNameWithoutExtension(filePath) : file.Name.Trim(),
            DatasetPath = datasetPath,
            Columns = new DatasetColumns(dataset.DocumentColumn ?? "document", dataset.ReferenceColumn ?? "referenceResponse"),
            Source = source,
            Candidates = candidates,
            Metrics = metrics,
            EmbeddingModel = embedding,
            Judges = judges,
            JudgeImports = ReadJudgeImports(),
            Criteria = criteria,
            PrimaryMetric = primary,
            Weights = weights,
            MonthlyVolume = file.MonthlyVolume ?? 100_000,
            Concurrency = concurrency,
            RequestsPerMinute = file.RequestsPerMinute,
            Repeats = repeats,
            Seed = file.Seed ?? 42,
            DevShare = devShare,
            AllowUnpaired = file.AllowUnpaired ?? false,
            Intervals = (method ?? IntervalMethod.Bca, intervals.Level ?? 0.95, intervals.Resamples ?? 2000),
            Store = store,
            Generation = new GenerationSettings(generation.SystemPrompt ?? "You are an assistant.", generation.MaxTokens ?? 1024, generation.Temperature ?? 0f, generation.TopP ?? 1f),
            Batch = ReadBatch(candidates.Append(source).Where(m => m.Batch).ToList()),
            RecordingBadRows = ReadBadRows(),
            LintStrict = LintStrict,
        };
    }

    private ModelSpec ReadSource(SourceSection source)
    {
        var model = Require(source.Model, "source.model", "the model being replaced: 'replay:recording.csv' (recorded calls) or a model id such as 'bedrock:...'");
        var recording = ReadRecording(model, "source.model");
        var (prompt, warnings) = ReadPrompt(Require(source.Prompt, "source.prompt", "the source's prompt template with {context} where the document goes (needed to pair recorded calls and to compare prompts)"), "source.prompt");
        return new ModelSpec
        {
            Name = string.IsNullOrWhiteSpace(source.Name) ? "source" : source.Name.Trim(),
            ModelId = model,
            Prompt = prompt,
            PromptField = "source.prompt",
            PricePer1k = ReadPrice(source.Price, "source.price"),
            BatchPricePer1k = ReadBatchPrice(source.Price, "source.price"),
            Batch = recording is null && StudyMode && BatchCapable(model),
            RecordingPath = recording,
            PromptWarnings = warnings,
            Field = "source",
            Where = Where("source.model"),
        };
    }

    private List<ModelSpec> ReadCandidates(ModelSpec source)
    {
        if (file.Candidates is not { Count: > 0 } list)
        {
            throw Error("candidates", "is missing or empty; list at least one candidate with a name, a model and a prompt (or 'optimize: source')");
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { source.Name };
        var result = new List<ModelSpec>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"candidates[{i}]";
            var c = list[i];
            var model = Require(c.Model, $"{at}.model", "a model id such as 'bedrock:amazon.nova-lite-v1:0' or 'extractive:textrank'");
            var recording = ReadRecording(model, $"{at}.model");
            var name = string.IsNullOrWhiteSpace(c.Name) ? model : c.Name.Trim();
            Check(names.Add(name), $"{at}.name", $"'{name}' is already used by another model of this study; give each a distinct name");
            string? optimizer = null;
            PromptTemplate prompt;
            string promptField;
            IReadOnlyList<PromptFinding> warnings = [];
            if (c.Optimize is not null)
            {
                Check(recording is null, $"{at}.optimize", "is set for a recording; a replayed candidate answers with what was recorded, so its prompt cannot be optimized: remove 'optimize'");
                Check(c.Optimize == "source", $"{at}.optimize", $"is '{c.Optimize}'; the only value is 'source' (start from the source prompt)");
                Check(c.Prompt is null, $"{at}.prompt", "is set together with 'optimize'; keep one: a fixed prompt, or 'optimize: source'");
                optimizer = Require(c.Optimizer, $"{at}.optimizer", "'bedrock' (Bedrock OptimizePrompt for this model) or the chat model id that proposes rewrites");
                if (optimizer != "bedrock")
                {
                    CheckModelId(optimizer, $"{at}.optimizer");
                }

                Check(c.Rewrites is null or (>= 1 and <= 20), $"{at}.rewrites", "must be between 1 and 20");
                prompt = source.Prompt;
                promptField = source.PromptField;
            }
            else
            {
                Check(c.Optimizer is null && c.Rewrites is null, $"{at}.optimizer", "applies only with 'optimize: source'");
                promptField = $"{at}.prompt";
                (prompt, warnings) = ReadPrompt(Require(c.Prompt, promptField, recording is null
                    ? "the candidate's prompt template with {context} (or 'optimize: source')"
                    : "the template the recording was made with, with {context} where the document went (it pairs the recorded calls with the dataset)"), promptField);
            }

            result.Add(new ModelSpec
            {
                Name = name,
                ModelId = model,
                Prompt = prompt,
                PromptField = promptField,
                Optimizer = optimizer,
                Rewrites = c.Rewrites ?? 4,
                PricePer1k = ReadPrice(c.Price, $"{at}.price"),
                BatchPricePer1k = ReadBatchPrice(c.Price, $"{at}.price"),
                Batch = ReadMode(c.Generation?.Mode, $"{at}.generation.mode", recording, model) ?? (recording is null && StudyMode && BatchCapable(model)),
                Field = at,
                Where = Where($"{at}.model"),
                RecordingPath = recording,
                PromptWarnings = warnings,
            });
        }

        return result;
    }

    private bool LintStrict => file.Lint?.Trim().ToLowerInvariant() switch
    {
        null or "default" => false,
        "strict" => true,
        _ => throw Error("lint", $"is '{file.Lint}'; use 'strict' (prompt warnings stop the study) or leave it out (they are reported)"),
    };

    // Errors are collected, not thrown, so one run lists every problem of every prompt.
    private (PromptTemplate Template, IReadOnlyList<PromptFinding> Warnings) ReadPrompt(string text, string field)
    {
        var template = new PromptTemplate(text);
        var strict = LintStrict;
        var findings = PromptLinter.Lint(field, template);
        foreach (var f in findings.Where(f => f.Severity == FindingSeverity.Error || strict))
        {
            _promptErrors.Add($"{Where(field)}: {f.Message}" + (f.Severity == FindingSeverity.Warning ? " (an error because of lint: strict)" : string.Empty));
        }

        return (template, strict ? [] : [.. findings.Where(f => f.Severity == FindingSeverity.Warning)]);
    }

    private string? ReadRecording(string model, string field)
    {
        if (!model.StartsWith("replay:", StringComparison.OrdinalIgnoreCase))
        {
            CheckModelId(model, field);
            return null;
        }

        var recording = ResolveFile(model["replay:".Length..], field);
        Check(File.Exists(recording), field, $"names a recording that does not exist ({recording}); paths are relative to the study file's folder");
        return recording;
    }

    private BadRows ReadBadRows() => file.Recordings?.BadRows?.Trim().ToLowerInvariant() switch
    {
        null or "fail" => BadRows.Fail,
        "skip" => BadRows.Skip,
        _ => throw Error("recordings.badRows", $"is '{file.Recordings!.BadRows}'; use 'fail' (a bad row stops the study, the default) or 'skip' (bad rows are left out and listed)"),
    };

    private (decimal, decimal)? ReadPrice(PriceSection? price, string field)
    {
        if (price is null || (price.InputPer1k is null && price.OutputPer1k is null && (price.BatchInputPer1k is not null || price.BatchOutputPer1k is not null)))
        {
            return null;
        }

        Check(price.InputPer1k is >= 0 && price.OutputPer1k is >= 0, field, "needs both inputPer1k and outputPer1k, in US dollars per 1,000 tokens (non-negative)");
        return (price.InputPer1k!.Value, price.OutputPer1k!.Value);
    }

    private void CheckModelId(string id, string field)
    {
        if (!ModelId.TryParse(id, out _, out var error))
        {
            throw new AssayException($"{Where(field)}: {error}");
        }
    }

    private string Resolve(string path) => Path.GetFullPath(Path.Combine(_folder, path.Trim()));

    private string ResolveFile(string path, string field)
    {
        var full = Resolve(path);
        if (sandbox is not null)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(sandbox), full);
            Check(
                !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal),
                field,
                "must name a file in the study's own folder (a name such as 'items.csv'); this study may not read other files");
        }

        return full;
    }

    private string Require(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw Error(field, $"is missing; write {what}") : value;

    private void Check(bool ok, string field, string problem)
    {
        if (!ok)
        {
            throw Error(field, problem);
        }
    }

    private AssayException Error(string field, string problem) => new($"{Where(field)}: {field} {problem}.");

    private string Where(string field) =>
        locations.LineOf(field) is { } line ? $"{filePath} line {line}" : filePath;
}
