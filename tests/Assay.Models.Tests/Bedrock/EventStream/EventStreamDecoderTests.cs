using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Assay.Models.Bedrock.EventStream;

namespace Assay.Models.Tests.Bedrock.EventStream;

public sealed class EventStreamDecoderTests
{
    [Fact]
    public void Decode_HandBuiltFrame_HeadersAndPayload()
    {
        var frame = Frame([(":event-type", "contentBlockDelta"), (":message-type", "event"), (":content-type", "application/json")], """{"delta":{"text":"Hi"}}""");

        var message = EventStreamDecoder.Decode(frame);

        Assert.Equal("contentBlockDelta", message.EventType);
        Assert.Equal("event", message.MessageType);
        Assert.Equal("""{"delta":{"text":"Hi"}}""", Encoding.UTF8.GetString(message.Payload.Span));
    }

    [Fact]
    public void Decode_EmptyHeadersAndPayload_MinimalFrame()
    {
        var frame = Frame([], string.Empty);

        var message = EventStreamDecoder.Decode(frame);

        Assert.Equal(16, frame.Length);
        Assert.Empty(message.Headers);
        Assert.True(message.Payload.IsEmpty);
    }

    [Fact]
    public void Decode_BadPreludeCrc_Rejected()
    {
        var frame = Frame([(":event-type", "x")], "{}");
        frame[8] ^= 0xFF;

        var ex = Assert.Throws<EventStreamFormatException>(() => EventStreamDecoder.Decode(frame));

        Assert.Contains("prelude CRC", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FlippedPayloadByte_MessageCrcRejected()
    {
        var frame = Frame([(":event-type", "x")], """{"delta":{"text":"Hi"}}""");
        frame[^6] ^= 0x01;

        var ex = Assert.Throws<EventStreamFormatException>(() => EventStreamDecoder.Decode(frame));

        Assert.Contains("message CRC", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LengthOutOfRange_Rejected()
    {
        var frame = Frame([], string.Empty);
        BinaryPrimitives.WriteUInt32BigEndian(frame, 8);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));

        Assert.Throws<EventStreamFormatException>(() => EventStreamDecoder.Decode(frame));
    }

    [Fact]
    public async Task ReadAll_SeveralFramesInSmallChunks_AllDecoded()
    {
        var bytes = Frame([(":event-type", "a")], "1").Concat(Frame([(":event-type", "b")], "22")).Concat(Frame([(":event-type", "c")], "333")).ToArray();
        await using var stream = new TrickleStream(bytes, chunk: 3);

        var types = new List<string?>();
        await foreach (var message in EventStreamDecoder.ReadAllAsync(stream))
        {
            types.Add(message.EventType);
        }

        Assert.Equal(["a", "b", "c"], types);
    }

    [Fact]
    public async Task ReadAll_StreamCutMidFrame_Rejected()
    {
        var whole = Frame([(":event-type", "a")], "payload");
        await using var stream = new MemoryStream(whole[..^5]);

        await Assert.ThrowsAsync<EventStreamFormatException>(async () =>
        {
            await foreach (var _ in EventStreamDecoder.ReadAllAsync(stream))
            {
            }
        });
    }

    [Fact]
    public void Decode_AllHeaderValueTypes()
    {
        var headers = new List<byte>();
        void Name(string n)
        {
            headers.Add((byte)n.Length);
            headers.AddRange(Encoding.UTF8.GetBytes(n));
        }

        Name("t");
        headers.Add(0);
        Name("i");
        headers.Add(4);
        headers.AddRange([0, 0, 1, 0]);
        Name("l");
        headers.Add(5);
        headers.AddRange([0, 0, 0, 0, 0, 0, 0, 7]);
        Name("b");
        headers.Add(6);
        headers.AddRange([0, 2, 0xAB, 0xCD]);

        var message = EventStreamDecoder.Decode(RawFrame([.. headers], []));

        Assert.Equal(true, message.Headers["t"]);
        Assert.Equal(256, message.Headers["i"]);
        Assert.Equal(7L, message.Headers["l"]);
        Assert.Equal(new byte[] { 0xAB, 0xCD }, message.Headers["b"]);
    }

    /// <summary>Builds a frame by the format's rules (string headers, type 7).</summary>
    internal static byte[] Frame(IEnumerable<(string Name, string Value)> headers, string payload)
    {
        var block = new List<byte>();
        foreach (var (name, value) in headers)
        {
            block.Add((byte)name.Length);
            block.AddRange(Encoding.UTF8.GetBytes(name));
            block.Add(7);
            var v = Encoding.UTF8.GetBytes(value);
            block.Add((byte)(v.Length >> 8));
            block.Add((byte)v.Length);
            block.AddRange(v);
        }

        return RawFrame([.. block], Encoding.UTF8.GetBytes(payload));
    }

    private static byte[] RawFrame(byte[] headers, byte[] payload)
    {
        var total = 12 + headers.Length + payload.Length + 4;
        var frame = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headers.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));
        headers.CopyTo(frame, 12);
        payload.CopyTo(frame, 12 + headers.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.HashToUInt32(frame.AsSpan(0, total - 4)));
        return frame;
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
