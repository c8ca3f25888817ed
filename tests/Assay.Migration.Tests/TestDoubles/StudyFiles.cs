namespace Assay.Migration.Tests.TestDoubles;

/// <summary>Writes a small study (dataset + study YAML) into a temp folder for a test, and removes it afterwards.</summary>
internal sealed class StudyFiles : IDisposable
{
    public StudyFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "assay-mig-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Out => Path.Combine(Folder, "out");

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A CSV dataset of <paramref name="count"/> distinct documents with references.</summary>
    public string WriteDataset(int count, string name = "items.csv")
    {
        var lines = new List<string> { "document,referenceResponse" };
        for (var i = 0; i < count; i++)
        {
            lines.Add($"\"Pump {i} at site {i * 7} tripped on overload. The crew reset breaker {i} and logged it.\",\"Pump {i} tripped; breaker reset.\"");
        }

        return Write(name, string.Join('\n', lines) + "\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
