using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Amazon.Runtime.EventStreams;
using Assay.FakeServer.EventStream;

namespace Assay.FakeServer.Tests.EventStream;

public sealed class EventStreamEncoderTests
{
    [Fact]
    public void Event_Encoded_HasPreludeLengthsAndDecodesWithTheAwsSdk()
    {
        var payload = Encoding.UTF8.GetBytes("{\"role\":\"assistant\"}");

        var frame = EventStreamEncoder.Event("messageStart", payload);

        Assert.Equal(frame.Length, BinaryPrimitives.ReadInt32BigEndian(frame));
        var headersLength = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(4));
        Assert.Equal(frame.Length - 12 - 4 - payload.Length, headersLength);
        Assert.Equal(Crc32.HashToUInt32(frame.AsSpan(0, 8)), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(8)));
        var message = EventStreamMessage.FromBuffer(frame, 0, frame.Length);
        Assert.Equal("messageStart", message.Headers[":event-type"].AsString());
        Assert.Equal("event", message.Headers[":message-type"].AsString());
        Assert.Equal("application/json", message.Headers[":content-type"].AsString());
        Assert.Equal(payload, message.Payload);
    }

    [Fact]
    public void Exception_Encoded_CarriesExceptionTypeHeader()
    {
        var frame = EventStreamEncoder.Exception("throttlingException", "{\"message\":\"slow down\"}"u8);

        var message = EventStreamMessage.FromBuffer(frame, 0, frame.Length);

        Assert.Equal("exception", message.Headers[":message-type"].AsString());
        Assert.Equal("throttlingException", message.Headers[":exception-type"].AsString());
    }

    [Fact]
    public void Event_CorruptedPayloadByte_FailsTheMessageCrc()
    {
        var frame = EventStreamEncoder.Event("contentBlockDelta", "{\"x\":1}"u8);
        frame[^6] ^= 0x01;

        Assert.Throws<EventStreamChecksumFailureException>(() => EventStreamMessage.FromBuffer(frame, 0, frame.Length));
    }

    [Fact]
    public void Event_CorruptedLength_FailsThePreludeCrc()
    {
        var frame = EventStreamEncoder.Event("contentBlockDelta", "{\"x\":1}"u8);
        frame[7] ^= 0x01;

        Assert.Throws<EventStreamChecksumFailureException>(() => EventStreamMessage.FromBuffer(frame, 0, frame.Length));
    }
}
