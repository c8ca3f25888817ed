using Assay.FakeServer.Options;
using Assay.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Assay.FakeServer.Config;

/// <summary>
/// Loads <see cref="FakeServerOptions"/> from YAML (<c>assay fake-server --config faults.yaml</c>).
/// Every key is optional; unknown keys and bad values are errors that name the file, line
/// and setting. See the project README for a full example.
/// </summary>
public static class FakeServerConfigFile
{
    /// <exception cref="AssayException">The file is missing, is not YAML, or has a bad setting (exit code 2).</exception>
    public static FakeServerOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"fake-server config {path} does not exist: give the path of a YAML file (see src/Assay.FakeServer/README.md).");
        }

        return Parse(BoundedYaml.ReadFile(path, path), path);
    }

    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The name used in error messages.</param>
    public static FakeServerOptions Parse(string yaml, string file = "config")
    {
        BoundedYaml.Check(yaml, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new AssayException($"{file} line {ex.Start.Line}: not valid YAML: {ex.Message}");
        }

        var reader = new YamlReader(file);
        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" })
        {
            root = null;
        }

        var top = reader.Section(root, string.Empty, "port", "answers", "latency", "faults", "auth", "batch", "openAiEmbeddingDimensions");
        var defaults = new FakeServerOptions();
        var options = new FakeServerOptions
        {
            Port = reader.Integer(top, "port", string.Empty) ?? defaults.Port,
            OpenAiEmbeddingDimensions = reader.Integer(top, "openAiEmbeddingDimensions", string.Empty) ?? defaults.OpenAiEmbeddingDimensions,
            Answers = ReadAnswers(reader, top.GetValueOrDefault("answers")),
            Latency = ReadLatency(reader, top.GetValueOrDefault("latency")),
            Faults = ReadFaults(reader, top.GetValueOrDefault("faults")),
            Auth = ReadAuth(reader, top.GetValueOrDefault("auth")),
            Batch = ReadBatch(reader, top.GetValueOrDefault("batch")),
        };

        var errors = reader.Errors.Count > 0 ? reader.Errors : OptionsValidator.Check(options).Select(e => $"{file}: {e}").ToList();
        if (errors.Count > 0)
        {
            // One line per the CLI's contract; the first error, and how many more.
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty;
            throw new AssayException(errors[0] + more);
        }

        return options;
    }

    private static AnswerOptions ReadAnswers(YamlReader reader, YamlNode? node)
    {
        const string path = "answers";
        var section = reader.Section(node, path, "mode", "fallback", "scripts");
        var defaults = new AnswerOptions();
        var scripts = new List<ScriptedReply>();
        var items = reader.Items(section, "scripts", path);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.scripts[{i}]";
            var item = reader.Section(items[i], itemPath, "pattern", "reply");
            var pattern = reader.Text(item, "pattern", itemPath);
            var reply = item.ContainsKey("reply") && item["reply"] is YamlScalarNode scalar ? scalar.Value ?? string.Empty : null;
            if (pattern is null || reply is null)
            {
                reader.Error(items[i], itemPath, "needs both pattern and reply");
                continue;
            }

            scripts.Add(new ScriptedReply(pattern, reply));
        }

        return new AnswerOptions
        {
            Mode = reader.Choice<AnswerMode>(section, "mode", path) ?? (scripts.Count > 0 ? AnswerMode.Scripted : defaults.Mode),
            Fallback = reader.Choice<AnswerMode>(section, "fallback", path) ?? defaults.Fallback,
            Scripts = scripts,
        };
    }

    private static LatencyOptions ReadLatency(YamlReader reader, YamlNode? node)
    {
        const string path = "latency";
        var s = reader.Section(node, path, "distribution", "fixedMs", "minMs", "maxMs", "medianMs", "sigma", "outputTokensPerSecond", "seed");
        var d = LatencyOptions.None;
        return new LatencyOptions
        {
            Distribution = reader.Choice<LatencyDistribution>(s, "distribution", path) ?? d.Distribution,
            FixedMs = reader.Number(s, "fixedMs", path) ?? d.FixedMs,
            MinMs = reader.Number(s, "minMs", path) ?? d.MinMs,
            MaxMs = reader.Number(s, "maxMs", path) ?? d.MaxMs,
            MedianMs = reader.Number(s, "medianMs", path) ?? d.MedianMs,
            Sigma = reader.Number(s, "sigma", path) ?? d.Sigma,
            OutputTokensPerSecond = reader.Number(s, "outputTokensPerSecond", path) ?? d.OutputTokensPerSecond,
            Seed = reader.Integer(s, "seed", path) ?? d.Seed,
        };
    }

    private static FaultOptions ReadFaults(YamlReader reader, YamlNode? node)
    {
        const string path = "faults";
        var s = reader.Section(node, path, "rateLimit", "serverError", "slow", "connectionReset", "streamCut", "malformedBody", "streamError", "slowDelayMs", "routes", "seed");
        var d = FaultOptions.None;
        return new FaultOptions
        {
            RateLimit = reader.Number(s, "rateLimit", path) ?? d.RateLimit,
            ServerError = reader.Number(s, "serverError", path) ?? d.ServerError,
            Slow = reader.Number(s, "slow", path) ?? d.Slow,
            ConnectionReset = reader.Number(s, "connectionReset", path) ?? d.ConnectionReset,
            StreamCut = reader.Number(s, "streamCut", path) ?? d.StreamCut,
            MalformedBody = reader.Number(s, "malformedBody", path) ?? d.MalformedBody,
            StreamError = reader.Number(s, "streamError", path) ?? d.StreamError,
            SlowDelayMs = reader.Number(s, "slowDelayMs", path) ?? d.SlowDelayMs,
            Routes = reader.TextList(s, "routes", path) ?? [],
            Seed = reader.Integer(s, "seed", path) ?? d.Seed,
        };
    }

    private static AuthOptions ReadAuth(YamlReader reader, YamlNode? node)
    {
        const string path = "auth";
        var s = reader.Section(node, path, "required", "openAiKeys", "bedrockApiKeys", "awsSecretKeys");
        var d = new AuthOptions();
        return new AuthOptions
        {
            Required = reader.Boolean(s, "required", path) ?? d.Required,
            OpenAiKeys = reader.TextList(s, "openAiKeys", path) ?? [],
            BedrockApiKeys = reader.TextList(s, "bedrockApiKeys", path) ?? [],
            AwsSecretKeys = SecretKeys(reader, reader.TextList(s, "awsSecretKeys", path) ?? []),
        };
    }

    // "ACCESS_KEY_ID:SECRET_ACCESS_KEY" entries; a malformed one is reported without its secret.
    private static Dictionary<string, string> SecretKeys(YamlReader reader, List<string> entries)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var parts = entries[i].Split(':', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                reader.Errors.Add($"auth.awsSecretKeys[{i}] must be 'ACCESS_KEY_ID:SECRET_ACCESS_KEY'.");
                continue;
            }

            keys[parts[0]] = parts[1];
        }

        return keys;
    }

    private static BatchOptions ReadBatch(YamlReader reader, YamlNode? node)
    {
        const string path = "batch";
        var s = reader.Section(node, path, "jobDurationMs", "recordErrorRate", "failJobRate", "expireJobRate", "seed", "s3ServiceUrl", "maxFileBytes");
        var d = BatchOptions.Default;
        return new BatchOptions
        {
            JobDurationMs = reader.Number(s, "jobDurationMs", path) ?? d.JobDurationMs,
            RecordErrorRate = reader.Number(s, "recordErrorRate", path) ?? d.RecordErrorRate,
            FailJobRate = reader.Number(s, "failJobRate", path) ?? d.FailJobRate,
            ExpireJobRate = reader.Number(s, "expireJobRate", path) ?? d.ExpireJobRate,
            Seed = reader.Integer(s, "seed", path) ?? d.Seed,
            S3ServiceUrl = reader.Text(s, "s3ServiceUrl", path) ?? d.S3ServiceUrl,
            MaxFileBytes = reader.Long(s, "maxFileBytes", path) ?? d.MaxFileBytes,
        };
    }
}
