namespace Assay.Embeddings.Model;

/// <summary>One tensor in the weights file: its name, shape, layout and where its floats start.</summary>
internal sealed record TensorEntry(string Name, int[] Shape, WeightsLayout Layout, long Offset)
{
    public long Length => Shape.Aggregate(1L, (a, b) => a * b);
}
