using System.Text.Json;
using Assay.Embeddings.Model;
using Assay.Embeddings.Runtime;
using Assay.Testing;

namespace Assay.Embeddings.Tests;

/// <summary>
/// Reference/reference.json (made by Reference/make-reference.js with the npm packages) and the
/// installed model. Tests that need the model fail, not skip, when it is missing: scripts/test.sh
/// runs scripts/setup.sh first, so a missing model is a broken setup.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<IReadOnlyList<ReferenceRow>> Rows = new(Load);

    public static IReadOnlyList<ReferenceRow> All => Rows.Value;

    public static UseLiteModel Model()
    {
        ModelFiles.Locate().EnsurePackagePresent(); // throws "... run scripts/setup.sh ..."
        return UseLiteModel.Shared();
    }

    private static List<ReferenceRow> Load()
    {
        var path = SharedData.InRepo("tests/Assay.Embeddings.Tests/Reference/reference.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new ReferenceRow(
                r.GetProperty("text").GetString()!,
                r.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32()).ToArray(),
                r.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()))
            .ToList();
    }
}

internal sealed record ReferenceRow(string Text, int[] Tokens, float[] Embedding);
