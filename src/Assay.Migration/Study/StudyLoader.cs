using Assay.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assay.Migration.Study;

/// <summary>
/// Reads and checks a study file. Every error is one line naming the file, the line and the
/// field, and what to write instead; the format is documented in samples/README.md.
/// </summary>
public static class StudyLoader
{
    /// <param name="sandbox">When set, the files the study names must lie inside this folder (checked before whether they exist).</param>
    public static Study Load(string path, string? sandbox = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new AssayException($"{path}: study file not found; pass the path of a study YAML file (see samples/README.md for the format).");
        }

        return Parse(BoundedYaml.ReadFile(full, path), full, sandbox);
    }

    /// <summary>Parses study text; <paramref name="filePath"/> names the file in errors and anchors relative paths.</summary>
    public static Study Parse(string yaml, string filePath, string? sandbox = null)
    {
        BoundedYaml.Check(yaml, filePath);
        YamlLocations locations;
        StudyFile? file;
        try
        {
            locations = YamlLocations.Read(yaml);
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build();
            file = deserializer.Deserialize<StudyFile?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new AssayException($"{filePath} line {ex.Start.Line}, column {ex.Start.Column}: {Explain(ex)}", ex);
        }

        if (file is null)
        {
            throw new AssayException($"{filePath}: the study file is empty; start from samples/incidents/study.yaml (documented in samples/README.md).");
        }

        return new StudyValidator(file, filePath, locations, sandbox).Validate();
    }

    private static string Explain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        const string notFound = "Property '";
        if (message.StartsWith(notFound, StringComparison.Ordinal) && message.Contains("not found on type", StringComparison.Ordinal))
        {
            var name = message[notFound.Length..message.IndexOf('\'', notFound.Length)];
            return $"unknown field '{name}'; check its spelling against samples/README.md (fields are camelCase).";
        }

        return $"{message.TrimEnd('.')}; check the value's type against samples/README.md.";
    }
}
