using static Assay.Embeddings.Model.UseLiteGraph;

namespace Assay.Embeddings.Model;

/// <summary>The tensors of the forward pass, by role, each checked for its shape when the file opens.</summary>
internal sealed class UseLiteWeights
{
    public UseLiteWeights(WeightsFile file)
    {
        Embeddings = file.Get("embeddings", VocabularySize, EmbeddingWidth);
        Timing = file.Get("timing", 1, TimingChannels);
        ResidualW = file.Get("l0.residual.w", EmbeddingWidth, Width);
        ResidualB = file.Get("l0.residual.b", Width);
        HeadW = file.Get("head.w", Width, Width);
        HeadB = file.Get("head.b", Width);
        Layers =
        [
            new Layer(file, "l0.", EmbeddingWidth),
            new Layer(file, "l1.", Width),
        ];
    }

    public WeightTensor Embeddings { get; }

    /// <summary>Inverse timescales of the sinusoidal position signal: channel j is sin(position * Timing[j]), channel 128 + j its cosine.</summary>
    public WeightTensor Timing { get; }

    /// <summary>Layer 0 projects its 256-wide input to 512 before adding it back (AdjustResidualInput).</summary>
    public WeightTensor ResidualW { get; }

    public WeightTensor ResidualB { get; }

    public WeightTensor HeadW { get; }

    public WeightTensor HeadB { get; }

    public IReadOnlyList<Layer> Layers { get; }

    internal sealed class Layer
    {
        public Layer(WeightsFile file, string prefix, int input)
        {
            Input = input;
            AttentionNormScale = file.Get(prefix + "attn.ln.scale", input);
            AttentionNormBias = file.Get(prefix + "attn.ln.bias", input);
            QkvW = file.Get(prefix + "qkv.w", input, 3 * input);
            QkvB = file.Get(prefix + "qkv.b", 3 * input);
            OutW = file.Get(prefix + "out.w", input, Width);
            OutB = file.Get(prefix + "out.b", Width);
            FfnNormScale = file.Get(prefix + "ffn.ln.scale", Width);
            FfnNormBias = file.Get(prefix + "ffn.ln.bias", Width);
            FfnW1 = file.Get(prefix + "ffn.w1", Width, FeedForwardWidth);
            FfnB1 = file.Get(prefix + "ffn.b1", FeedForwardWidth);
            FfnW2 = file.Get(prefix + "ffn.w2", FeedForwardWidth, Width);
            FfnB2 = file.Get(prefix + "ffn.b2", Width);
        }

        /// <summary>Width of the attention block: 256 in layer 0, 512 in layer 1; 4 heads either way.</summary>
        public int Input { get; }

        public WeightTensor AttentionNormScale { get; }

        public WeightTensor AttentionNormBias { get; }

        public WeightTensor QkvW { get; }

        public WeightTensor QkvB { get; }

        public WeightTensor OutW { get; }

        public WeightTensor OutB { get; }

        public WeightTensor FfnNormScale { get; }

        public WeightTensor FfnNormBias { get; }

        public WeightTensor FfnW1 { get; }

        public WeightTensor FfnB1 { get; }

        public WeightTensor FfnW2 { get; }

        public WeightTensor FfnB2 { get; }
    }
}
