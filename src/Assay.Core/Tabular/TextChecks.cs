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

    /// <summary>
    /// The same check as <see cref="RequireCleanUtf8(ReadOnlySpan{byte}, string, string)"/> on a file read in
    /// 1 MiB blocks, so a large file is never held whole; only an error reads it again, to say where.
    /// </summary>
    public static void RequireCleanUtf8(string path, string fix)
    {
        const int Block = 1 << 20;
        var bytes = ArrayPool<byte>.Shared.Rent(Block);
        var chars = ArrayPool<char>.Shared.Rent(Block);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var carry = 0;
            while (true)
            {
                var n = file.Read(bytes, carry, Block - carry);
                var span = bytes.AsSpan(0, carry + n);
                var status = Utf8.ToUtf16(span, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: n == 0);
                var nul = span[..read].IndexOf((byte)0);
                if (nul >= 0 || status == OperationStatus.InvalidData)
                {
                    // Found: the whole-file check says which comes first and where (the file is within MaxBytes).
                    RequireCleanUtf8(File.ReadAllBytes(path), path, fix);
                    return;
                }

                if (n == 0)
                {
                    return;
                }

                carry = span.Length - read; // a multi-byte sequence cut by the block's end
                span[read..].CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
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
