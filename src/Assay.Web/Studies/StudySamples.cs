using Assay.Migration.Study;

namespace Assay.Web.Studies;

/// <summary>
/// The bundled study files the page offers (<c>samples/*/*.yaml</c> that read as migration
/// studies; the credit-risk configs beside them do not). The folder is the setting, else
/// <c>ASSAY_SAMPLES</c>, else <c>samples/</c> above the current or the application folder.
/// </summary>
internal sealed class StudySamples(string? root)
{
    public const string EnvironmentVariable = "ASSAY_SAMPLES";

    public string? Root { get; } = root ?? Locate();

    public IReadOnlyList<StudySample> List()
    {
        if (Root is null || !Directory.Exists(Root))
        {
            return [];
        }

        var samples = new List<StudySample>();
        foreach (var file in Directory.EnumerateDirectories(Root).SelectMany(d => Directory.EnumerateFiles(d, "*.yaml")).Order(StringComparer.Ordinal))
        {
            try
            {
                var study = StudyLoader.Load(file);
                samples.Add(new StudySample(
                    Path.GetRelativePath(Root, file).Replace('\\', '/'),
                    study.Name,
                    study.Source.IsReplay ? "replay (a recording)" : study.Source.ModelId,
                    [.. study.Candidates.Select(c => c.ModelId)],
                    file));
            }
            catch (AssayException)
            {
                // Not a migration study (a credit-risk config, say): not offered.
            }
        }

        return samples;
    }

    /// <summary>The sample with this id (as listed), or a 400 naming the samples there are.</summary>
    public StudySample Find(string id)
    {
        var samples = List();
        return samples.FirstOrDefault(s => s.Id == id)
            ?? throw new AssayException($"sample '{id}' is not a bundled study on this server; choose one of: {(samples.Count == 0 ? "(none: set ASSAY_SAMPLES to the samples folder)" : string.Join(", ", samples.Select(s => s.Id)))}.");
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, "README.md")) && Directory.Exists(Path.Combine(candidate, "incidents")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A bundled study: its id (path under samples/), name, source and candidate models.</summary>
internal sealed record StudySample(string Id, string Name, string Source, IReadOnlyList<string> Candidates, [property: System.Text.Json.Serialization.JsonIgnore] string Path);
