using System.Buffers;
using System.Text.Unicode;

namespace Assay.Tabular;

/// <summary>
/// Checks raw bytes before any parser sees them: a decoder would silently turn invalid UTF-8
/// into U+FFFD and keep a NUL as text, so the damage would reach scores and reports unnoticed.
/// </summary>
internal static class TextChecks
{
    public static void RequireCleanUtf8(ReadOnlySpan<byte> bytes, string path, string fix)
    {
        var invalid = FirstInvalid(bytes);
        var nul = bytes.IndexOf((byte)0);
        if (invalid >= 0 && (nul < 0 || invalid < nul))
        {
            var (line, column) = Position(bytes, invalid);
            throw new BadRowException($"{path} line {line}, column {column}: byte 0x{bytes[invalid]:X2} is not valid UTF-8; save the file as UTF-8 ({fix}).", line, column);
        }

        if (nul >= 0)
        {
            var (line, column) = Position(bytes, nul);
            throw new BadRowException($"{path} line {line}, column {column}: a NUL byte (0x00), so the file is binary or damaged; remove it ({fix}).", line, column);
        }
    }

    // Offset of the first byte that does not decode (a cut multi-byte sequence at the end included); -1 when all do.
    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            var offset = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
                offset += read;
                switch (status)
                {
                    case OperationStatus.Done:
                        return -1;
                    case OperationStatus.DestinationTooSmall:
                        continue;
                    default:
                        return offset;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>1-based line and column (in characters) of a byte offset.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            column += (b & 0xC0) == 0x80 ? 0 : 1;
        }

        return (line, column);
    }
}
