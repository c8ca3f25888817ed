namespace Assay.Text;

/// <summary>A text held in a <see cref="TextSpill"/>: 24 bytes of handle, the text made again by <see cref="ToString"/>.</summary>
public sealed class SpilledText
{
    private readonly TextSpill _spill;
    private readonly long _offset;
    private readonly int _bytes;

    internal SpilledText(TextSpill spill, long offset, int bytes) => (_spill, _offset, _bytes) = (spill, offset, bytes);

    /// <summary>The text, read back from the spill.</summary>
    public override string ToString() => _spill.Read(_offset, _bytes);
}
