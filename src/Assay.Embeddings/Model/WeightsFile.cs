using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Text.Json;

namespace Assay.Embeddings.Model;

/// <summary>
/// The converted weights, memory-mapped read-only: opening costs a header parse, the operating
/// system pages the floats in as the forward pass touches them, and every process using the
/// model shares one copy. Immutable once open, so any number of threads may read it.
/// </summary>
internal sealed unsafe class WeightsFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly Dictionary<string, TensorEntry> _tensors;

    private WeightsFile(MemoryMappedFile file, MemoryMappedViewAccessor view, byte* start, Dictionary<string, TensorEntry> tensors, string source)
    {
        _file = file;
        _view = view;
        _base = start;
        _tensors = tensors;
        Source = source;
    }

    public string Source { get; }

    /// <summary>Bytes mapped (the whole file).</summary>
    public long Size => _view.Capacity;

    public static WeightsFile Open(string path)
    {
        var length = new FileInfo(path).Length;
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        start += view.PointerOffset;
        try
        {
            var bytes = new ReadOnlySpan<byte>(start, (int)Math.Min(length, int.MaxValue));
            if (length < 12 || !bytes[..WeightsFormat.Magic.Length].SequenceEqual(WeightsFormat.Magic))
            {
                throw new InvalidDataException($"{path} is not an Assay weights file.");
            }

            var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[WeightsFormat.Magic.Length..]);
            var headerStart = WeightsFormat.Magic.Length + sizeof(int);
            var header = JsonSerializer.Deserialize<WeightsHeader>(bytes.Slice(headerStart, headerLength))
                ?? throw new InvalidDataException($"{path} has an empty header.");
            var dataStart = (headerStart + headerLength + WeightsFormat.Alignment - 1) / WeightsFormat.Alignment * WeightsFormat.Alignment;
            var tensors = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
            foreach (var t in header.Tensors)
            {
                var entry = new TensorEntry(t.Name, t.Shape, Enum.Parse<WeightsLayout>(t.Layout), dataStart + t.Offset);
                if (entry.Offset + (entry.Length * sizeof(float)) > length)
                {
                    throw new InvalidDataException($"{path} is truncated: tensor {t.Name} runs past its end.");
                }

                tensors[t.Name] = entry;
            }

            return new WeightsFile(file, view, start, tensors, header.Source);
        }
        catch
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>A tensor's floats; throws when the file lacks it or its shape differs from what the forward pass expects.</summary>
    public WeightTensor Get(string name, params int[] shape)
    {
        if (!_tensors.TryGetValue(name, out var entry))
        {
            throw new InvalidDataException($"The weights file has no tensor '{name}'.");
        }

        var expected = shape.Aggregate(1L, (a, b) => a * b);
        if (entry.Length != expected)
        {
            throw new InvalidDataException($"Tensor '{name}' has shape [{string.Join(", ", entry.Shape)}], expected [{string.Join(", ", shape)}].");
        }

        return new WeightTensor((float*)(_base + entry.Offset), (int)entry.Length);
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}

/// <summary>A read-only view of a tensor in the mapped file.</summary>
internal readonly unsafe struct WeightTensor(float* start, int length)
{
    public int Length { get; } = length;

    public ReadOnlySpan<float> Span => new(start, Length);

    public float* Pointer => start;
}
