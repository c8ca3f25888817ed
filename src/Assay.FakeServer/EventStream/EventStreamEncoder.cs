using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Assay.FakeServer.EventStream;

/// <summary>
/// Encodes one message of the AWS event-stream framing (<c>application/vnd.amazon.eventstream</c>):
/// a 12-byte prelude (total length, headers length, CRC-32 of those 8 bytes, all big-endian),
/// the headers (name length byte, name, value type 7 = string, 2-byte value length, value),
/// the payload, and a CRC-32 of everything before it.
/// </summary>
internal static class EventStreamEncoder
{
    private const byte StringHeaderType = 7;

    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> payload)
    {
        var headerBytes = EncodeHeaders(headers);
        var total = 12 + headerBytes.Length + payload.Length + 4;
        var frame = new byte[total];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(0), total);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));
        headerBytes.CopyTo(frame.AsSpan(12));
        payload.CopyTo(frame.AsSpan(12 + headerBytes.Length));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.HashToUInt32(frame.AsSpan(0, total - 4)));
        return frame;
    }

    /// <summary>An <c>event</c> message, as ConverseStream and OptimizePrompt send them.</summary>
    public static byte[] Event(string eventType, ReadOnlySpan<byte> jsonPayload) => Encode(
        [
            new(":event-type", eventType),
            new(":content-type", "application/json"),
            new(":message-type", "event"),
        ],
        jsonPayload);

    /// <summary>An <c>exception</c> message (e.g. <c>throttlingException</c>) carrying <c>{"message": ...}</c>.</summary>
    public static byte[] Exception(string exceptionType, ReadOnlySpan<byte> jsonPayload) => Encode(
        [
            new(":exception-type", exceptionType),
            new(":content-type", "application/json"),
            new(":message-type", "exception"),
        ],
        jsonPayload);

    private static byte[] EncodeHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            if (nameBytes.Length > byte.MaxValue || valueBytes.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"event-stream header '{name}' is too long");
            }

            buffer.WriteByte((byte)nameBytes.Length);
            buffer.Write(nameBytes);
            buffer.WriteByte(StringHeaderType);
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)valueBytes.Length);
            buffer.Write(length);
            buffer.Write(valueBytes);
        }

        return buffer.ToArray();
    }
}
