using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Assay.Models.Bedrock.EventStream;

/// <summary>
/// Reads <c>application/vnd.amazon.eventstream</c> messages from a stream. Each message is
/// <c>total length (4) | headers length (4) | prelude CRC (4) | headers | payload | message CRC (4)</c>,
/// big-endian; the prelude CRC covers the first 8 bytes and the message CRC everything before it.
/// Both are checked: a corrupted frame must not pass as model output.
/// </summary>
internal static class EventStreamDecoder
{
    private const int PreludeLength = 12;
    private const int MinimumLength = 16;
    private const int MaximumLength = 16 * 1024 * 1024; // the format's limit

    /// <summary>The messages in <paramref name="stream"/> until it ends; throws <see cref="EventStreamFormatException"/> on a bad frame or a stream cut mid-frame.</summary>
    public static async IAsyncEnumerable<EventStreamMessage> ReadAllAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prelude = new byte[PreludeLength];
        while (true)
        {
            var read = await ReadFullyAsync(stream, prelude, cancellationToken);
            if (read == 0)
            {
                yield break;
            }

            if (read < PreludeLength)
            {
                throw new EventStreamFormatException($"The event stream ended inside a message prelude ({read} of {PreludeLength} bytes).");
            }

            var total = CheckPrelude(prelude);
            var message = new byte[total];
            prelude.CopyTo(message, 0);
            read = await ReadFullyAsync(stream, message.AsMemory(PreludeLength), cancellationToken);
            if (read < total - PreludeLength)
            {
                throw new EventStreamFormatException($"The event stream ended inside a message ({PreludeLength + read} of {total} bytes).");
            }

            yield return Decode(message);
        }
    }

    /// <summary>Decodes exactly one whole message.</summary>
    public static EventStreamMessage Decode(ReadOnlySpan<byte> message)
    {
        if (message.Length < PreludeLength)
        {
            throw new EventStreamFormatException($"An event-stream message needs at least {MinimumLength} bytes; got {message.Length}.");
        }

        var total = CheckPrelude(message[..PreludeLength]);
        if (total != message.Length)
        {
            throw new EventStreamFormatException($"The message prelude says {total} bytes but the message has {message.Length}.");
        }

        var headersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(message[4..]);
        var expected = BinaryPrimitives.ReadUInt32BigEndian(message[(total - 4)..]);
        var actual = Crc32.HashToUInt32(message[..(total - 4)]);
        if (expected != actual)
        {
            throw new EventStreamFormatException($"Event-stream message CRC mismatch (expected 0x{expected:x8}, computed 0x{actual:x8}): the message was corrupted.");
        }

        var headers = ReadHeaders(message.Slice(PreludeLength, headersLength));
        var payload = message[(PreludeLength + headersLength)..(total - 4)].ToArray();
        return new EventStreamMessage(headers, payload);
    }

    private static int CheckPrelude(ReadOnlySpan<byte> prelude)
    {
        var total = BinaryPrimitives.ReadUInt32BigEndian(prelude);
        var headersLength = BinaryPrimitives.ReadUInt32BigEndian(prelude[4..]);
        var expected = BinaryPrimitives.ReadUInt32BigEndian(prelude[8..]);
        var actual = Crc32.HashToUInt32(prelude[..8]);
        if (expected != actual)
        {
            throw new EventStreamFormatException($"Event-stream prelude CRC mismatch (expected 0x{expected:x8}, computed 0x{actual:x8}): the stream is corrupted or not an event stream.");
        }

        if (total < MinimumLength || total > MaximumLength || headersLength > total - MinimumLength)
        {
            throw new EventStreamFormatException($"Event-stream message length {total} (headers {headersLength}) is out of range.");
        }

        return (int)total;
    }

    private static Dictionary<string, object> ReadHeaders(ReadOnlySpan<byte> data)
    {
        var headers = new Dictionary<string, object>(StringComparer.Ordinal);
        var i = 0;
        while (i < data.Length)
        {
            var nameLength = data[i++];
            Need(data, i, nameLength + 1);
            var name = Encoding.UTF8.GetString(data.Slice(i, nameLength));
            i += nameLength;
            var type = data[i++];
            object value;
            switch (type)
            {
                case 0:
                    value = true;
                    break;
                case 1:
                    value = false;
                    break;
                case 2:
                    Need(data, i, 1);
                    value = (sbyte)data[i];
                    i += 1;
                    break;
                case 3:
                    Need(data, i, 2);
                    value = BinaryPrimitives.ReadInt16BigEndian(data[i..]);
                    i += 2;
                    break;
                case 4:
                    Need(data, i, 4);
                    value = BinaryPrimitives.ReadInt32BigEndian(data[i..]);
                    i += 4;
                    break;
                case 5:
                    Need(data, i, 8);
                    value = BinaryPrimitives.ReadInt64BigEndian(data[i..]);
                    i += 8;
                    break;
                case 6:
                case 7:
                    Need(data, i, 2);
                    var length = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
                    i += 2;
                    Need(data, i, length);
                    value = type == 7 ? Encoding.UTF8.GetString(data.Slice(i, length)) : data.Slice(i, length).ToArray();
                    i += length;
                    break;
                case 8:
                    Need(data, i, 8);
                    value = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(data[i..]));
                    i += 8;
                    break;
                case 9:
                    Need(data, i, 16);
                    value = new Guid(data.Slice(i, 16), bigEndian: true);
                    i += 16;
                    break;
                default:
                    throw new EventStreamFormatException($"Event-stream header '{name}' has unknown value type {type}.");
            }

            headers[name] = value;
        }

        return headers;
    }

    private static void Need(ReadOnlySpan<byte> data, int at, int count)
    {
        if (at + count > data.Length)
        {
            throw new EventStreamFormatException("An event-stream header runs past the end of the header block.");
        }
    }

    private static async Task<int> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[total..], cancellationToken);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
