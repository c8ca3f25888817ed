namespace Assay.Bench.Migration;

/// <summary>Writes the first N items of <see cref="ScaleCorpus"/> as a study dataset (document, referenceResponse), row by row.</summary>
internal static class ScaleDataset
{
    /// <summary>The dataset's shape as written: item count and document length in characters.</summary>
    public sealed record Shape(int Items, int MinChars, double MeanChars, int MaxChars);

    public static async Task<Shape> WriteAsync(string path, int items)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var (min, max, total) = (int.MaxValue, 0, 0L);
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync("document,referenceResponse");
        foreach (var (document, reference) in ScaleCorpus.Items(items))
        {
            (min, max, total) = (Math.Min(min, document.Length), Math.Max(max, document.Length), total + document.Length);
            await writer.WriteLineAsync($"{Csv.Quote(document)},{Csv.Quote(reference)}");
        }

        return new Shape(items, min, total / (double)Math.Max(1, items), max);
    }
}
