namespace Assay.Embeddings.Model;

/// <summary>The JSON header of the weights file: where the model came from and where each tensor starts (bytes after the header's padding).</summary>
internal sealed record WeightsHeader(string Source, List<WeightsHeader.Tensor> Tensors)
{
    internal sealed record Tensor(string Name, int[] Shape, string Layout, long Offset);
}
