using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Assay.FakeServer.Content;

/// <summary>
/// A real, valid PNG (8-bit RGB) that stands in for a generated image: an 8 x 8 grid of
/// colour blocks chosen by a hash of the prompt and seed. Same prompt, size and seed give
/// the same bytes; it depicts nothing.
/// </summary>
internal static class FakePng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Create(string prompt, int width, int height, long seed)
    {
        var palette = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u0000{prompt}"));
        var raw = new byte[height * ((width * 3) + 1)];
        var offset = 0;
        for (var y = 0; y < height; y++)
        {
            raw[offset++] = 0; // filter type None
            var row = y * 8 / height;
            for (var x = 0; x < width; x++)
            {
                var cell = (row * 8) + (x * 8 / width);
                raw[offset++] = palette[cell % 32];
                raw[offset++] = palette[(cell + 11) % 32];
                raw[offset++] = palette[(cell + 23) % 32];
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new Crc32(); // over the chunk's type and data, as PNG defines it
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
