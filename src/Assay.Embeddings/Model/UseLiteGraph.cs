namespace Assay.Embeddings.Model;

/// <summary>
/// What the Universal Sentence Encoder lite graph (model.json) computes, as read from its nodes,
/// and the names its weights carry there. Everything the forward pass uses is listed here; the
/// converter copies these tensors (and checks the scalars) so a different model fails loudly.
/// <para>
/// The graph: token ids (sparse, one row per sentence) are clipped to the first 128 positions;
/// x = 2 * embedding + timing signal (the lookup is added once inside AddTimingSignal and once
/// again after it); layer 0 (width 256 -> 512) and layer 1 (512) are pre-norm transformer
/// layers (layer norm, 4-head self-attention with 1x1 convolutions as projections, residual;
/// layer norm, ReLU feed-forward 1536, residual), layer 0's residual projected by a dense
/// 256 -> 512; then the mean over the sentence's tokens, tanh(dense 512), L2 normalisation.
/// </para>
/// </summary>
internal static class UseLiteGraph
{
    public const int VocabularySize = 8002;
    public const int EmbeddingWidth = 256;
    public const int Width = 512;
    public const int FeedForwardWidth = 1536;
    public const int Heads = 4;
    public const int TimingChannels = 128;

    /// <summary>The graph keeps token positions below this (ClipToMaxLength/Less/y).</summary>
    public const int MaxTokens = 128;

    public const float LayerNormEpsilon = 1e-6f;
    public const float L2Epsilon = 1e-12f;

    private const string Kona = "module_apply_default/Encoder_en/KonaTransformer/";
    private const string Stack = Kona + "Encode/TransformerStack/";
    private const string Encode = Kona + "Encode/";
    private const string Kernels = "module/Encoder_en/KonaTransformer/Encode/";

    /// <summary>Weights the forward pass reads: short name, TF.js name, layout.</summary>
    public static IReadOnlyList<(string Name, string Source, WeightsLayout Layout)> Tensors { get; } = BuildTensors();

    /// <summary>Scalars of the graph the runtime relies on, with the value it assumes.</summary>
    public static IReadOnlyList<(string Source, float Expected)> CheckedScalars { get; } =
    [
        (Stack + "Layer_0/TransformerLayer/MultiheadAttention/mul/y", 0.125f),
        (Stack + "Layer_1/TransformerLayer/MultiheadAttention/mul/y", 0.0883883461f),
        (Stack + "Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x", LayerNormEpsilon),
        (Stack + "Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y", -1e9f),
        ("module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y", L2Epsilon),
    ];

    /// <summary>Integer constants the runtime relies on (heads, head width, the 128-token clip).</summary>
    public static IReadOnlyList<(string Source, int Expected)> CheckedIntegers { get; } =
    [
        (Kona + "ClipToMaxLength/Less/y", MaxTokens),
        (Stack + "Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2", Heads),
        (Stack + "Layer_0/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3", EmbeddingWidth / Heads),
        (Stack + "Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3", Width / Heads),
    ];

    private static List<(string, string, WeightsLayout)> BuildTensors()
    {
        var list = new List<(string, string, WeightsLayout)>
        {
            ("embeddings", "module/Embeddings_en", WeightsLayout.RowMajor),
            ("timing", Stack + "Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1", WeightsLayout.RowMajor),
            ("l0.residual.w", Encode + "Layer_0/TransformerLayer/dense/kernel/ConcatPartitions/concat", WeightsLayout.Strips16),
            ("l0.residual.b", Encode + "Layer_0/TransformerLayer/dense/bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
            ("head.w", "module/Encoder_en/hidden_layers/tanh_layer_0/weights", WeightsLayout.Strips16),
            ("head.b", "module/Encoder_en/hidden_layers/tanh_layer_0/bias", WeightsLayout.RowMajor),
        };
        foreach (var layer in new[] { 0, 1 })
        {
            var l = $"l{layer}.";
            var tl = $"Layer_{layer}/TransformerLayer/";
            list.AddRange(
            [
                (l + "attn.ln.scale", Encode + tl + "layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "attn.ln.bias", Encode + tl + "layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "qkv.w", Kernels + tl + "MultiheadAttention/qkv_transform_single/kernel/part_0", WeightsLayout.Strips16),
                (l + "qkv.b", Encode + tl + "MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "out.w", Kernels + tl + "MultiheadAttention/output_transform_single/kernel/part_0", WeightsLayout.Strips16),
                (l + "out.b", Encode + tl + "MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "ffn.ln.scale", Encode + tl + "FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "ffn.ln.bias", Encode + tl + "FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "ffn.w1", Stack + tl + "FFN/conv1/Tensordot/Reshape_1", WeightsLayout.Strips16),
                (l + "ffn.b1", Encode + tl + "FFN/conv1/bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
                (l + "ffn.w2", Stack + tl + "FFN/conv2/Tensordot/Reshape_1", WeightsLayout.Strips16),
                (l + "ffn.b2", Encode + tl + "FFN/conv2/bias/ConcatPartitions/concat", WeightsLayout.RowMajor),
            ]);
        }

        return list;
    }
}
