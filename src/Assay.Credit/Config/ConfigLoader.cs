using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assay.Credit.Config;

/// <summary>Reads CREDIT.yaml; unknown keys and bad values become one-line errors naming the line.</summary>
public static class ConfigLoader
{
    public static CreditConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"config {path} does not exist: pass the path of a CREDIT.yaml (see samples/credit).");
        }

        var config = Parse(Assay.Yaml.BoundedYaml.ReadFile(path, path), path);
        if (!string.IsNullOrEmpty(config.Data) && !Path.IsPathRooted(config.Data))
        {
            config.Data = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, config.Data));
        }

        return config;
    }

    public static CreditConfig Parse(string yaml, string source = "config")
    {
        // Bounds first: the key check below parses the text too.
        Assay.Yaml.BoundedYaml.Check(yaml, source);
        ConfigKeys.Check(yaml, source);
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        CreditConfig? config;
        try
        {
            config = deserializer.Deserialize<CreditConfig>(yaml);
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;

            // Deserializer messages name .NET types; users wrote YAML, so say it in their terms.
            if (inner.Contains("System.", StringComparison.Ordinal) || inner.Contains("Assay.", StringComparison.Ordinal) || inner.Contains("type", StringComparison.OrdinalIgnoreCase))
            {
                inner = "this value does not fit its field (a number, true/false, text, a list or a mapping is expected)";
            }

            throw new AssayException($"{source} line {ex.Start.Line}: {inner} (see samples/credit/README.md for the keys)", ex);
        }

        config ??= new CreditConfig();
        Validate(config, source);
        return config;
    }

    private static void Validate(CreditConfig c, string source)
    {
        if (string.IsNullOrWhiteSpace(c.Target.Column))
        {
            throw new AssayException($"{source}: target.column is not set: name the column that says whether a loan went bad.");
        }

        if (c.Target.Bad.Count == 0 && c.Target.Good.Count == 0)
        {
            throw new AssayException($"{source}: target needs bad: [values] or good: [values] to tell good loans from bad ones.");
        }

        if (c.Model.Variables.Count == 0)
        {
            throw new AssayException($"{source}: model.variables is empty: list the columns the scorecard may use.");
        }

        if (c.Split.TestShare is <= 0 or >= 1)
        {
            throw new AssayException($"{source}: split.test_share is {c.Split.TestShare}; use a share between 0 and 1, e.g. 0.2.");
        }

        if (c.Binning.Method is not ("equal_width" or "quantile"))
        {
            throw new AssayException($"{source}: binning.method is '{c.Binning.Method}'; use equal_width or quantile.");
        }

        ValidateBinning(c.Binning, source);
        if (c.Challenger is { } ch && (ch.Trees is < 1 or > 5000 || ch.Leaves is < 2 or > 1024 || ch.MinLeaf < 1 || ch.LearningRate is <= 0 or > 1 || ch.BootstrapSamples is < 50 or > 10000))
        {
            throw new AssayException($"{source}: challenger needs 1 <= trees <= 5000, 2 <= leaves <= 1024, min_leaf >= 1, 0 < learning_rate <= 1 and 50 <= bootstrap_samples <= 10000.");
        }

        if (c.Binning.FineBins < 2)
        {
            throw new AssayException($"{source}: binning.fine_bins is {c.Binning.FineBins}; use at least 2 (the course uses 50).");
        }

        if (c.Scorecard.MaxScore <= c.Scorecard.MinScore)
        {
            throw new AssayException($"{source}: scorecard.max_score must exceed scorecard.min_score.");
        }

        if (c.Lgd is not null && c.Lgd.Combination is not ("probability" or "class"))
        {
            throw new AssayException($"{source}: lgd.combination is '{c.Lgd.Combination}'; use probability or class.");
        }

        foreach (var (name, col) in c.Columns)
        {
            if (col.Type is not ("numeric" or "categorical" or "emp_length" or "term" or "months_since"))
            {
                throw new AssayException($"{source}: columns.{name}.type is '{col.Type}'; use numeric, categorical, emp_length, term or months_since.");
            }

            if (col.Missing is not ("keep" or "zero" or "mean" or "value" or "column"))
            {
                throw new AssayException($"{source}: columns.{name}.missing is '{col.Missing}'; use keep, zero, mean, value or column.");
            }

            if (col.Missing == "value" && col.Value is null)
            {
                throw new AssayException($"{source}: columns.{name}.missing is value but columns.{name}.value is not set.");
            }

            if (col.Missing == "column" && string.IsNullOrEmpty(col.FillColumn))
            {
                throw new AssayException($"{source}: columns.{name}.missing is column but columns.{name}.fill_column is not set.");
            }
        }
    }

    private static void ValidateBinning(BinningConfig b, string source)
    {
        if (b.Algorithm is not ("heuristic" or "optimal"))
        {
            throw new AssayException($"{source}: binning.algorithm is '{b.Algorithm}'; use heuristic or optimal.");
        }

        var trend = b.Monotone.ToLowerInvariant();
        if (trend is not ("none" or "false" or "auto" or "true" or "ascending" or "descending" or "peak" or "valley"))
        {
            throw new AssayException($"{source}: binning.monotone is '{b.Monotone}'; use none, auto, ascending, descending, peak or valley.");
        }

        if (b.Algorithm == "heuristic" && trend is "ascending" or "descending" or "peak" or "valley")
        {
            throw new AssayException($"{source}: binning.monotone: {b.Monotone} needs binning.algorithm: optimal (the heuristic supports none and auto).");
        }

        if (b.Algorithm == "heuristic" && (b.MaxPValue is not null || b.MinBadsPerBin > 1))
        {
            throw new AssayException($"{source}: binning.max_p_value and binning.min_bads_per_bin need binning.algorithm: optimal.");
        }

        if (b.MaxPValue is <= 0 or > 1)
        {
            throw new AssayException($"{source}: binning.max_p_value is {b.MaxPValue}; use a p-value between 0 and 1, e.g. 0.05.");
        }

        if (b.MinBadsPerBin < 1 || b.MaxClasses < 1 || b.MinShare is < 0 or >= 1 || b.TimeLimitSeconds <= 0)
        {
            throw new AssayException($"{source}: binning needs min_bads_per_bin >= 1, max_classes >= 1, 0 <= min_share < 1 and time_limit_seconds > 0.");
        }
    }
}
