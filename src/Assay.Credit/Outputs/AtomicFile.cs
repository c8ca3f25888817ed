namespace Assay.Credit.Outputs;

/// <summary>Writes a file through a temporary sibling and a rename, so a reader never sees half a file.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }

    public static void Write(string path, Action<TextWriter> write)
    {
        var tmp = path + ".tmp";
        using (var w = new StreamWriter(tmp))
        {
            write(w);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
