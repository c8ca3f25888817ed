using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Amazon.Runtime.EventStreams;

namespace Assay.FakeServer.Tests.Support;

/// <summary>One decoded frame: its headers as strings and its JSON payload.</summary>
internal sealed record Frame(string MessageType, string EventType, string? ExceptionType, JsonElement Payload);

/// <summary>
/// Splits an <c>application/vnd.amazon.eventstream</c> body into messages and decodes each with
/// the AWS SDK's <see cref="EventStreamMessage.FromBuffer"/>, which verifies both CRCs.
/// </summary>
internal static class EventStreamFrames
{
    public static List<Frame> Decode(byte[] body)
    {
        var frames = new List<Frame>();
        var offset = 0;
        while (offset < body.Length)
        {
            var total = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset));
            // Copied out: FromBuffer mis-computes the message CRC when offset is not 0.
            var message = EventStreamMessage.FromBuffer(body[offset..(offset + total)], 0, total);
            frames.Add(new Frame(
                Header(message, ":message-type") ?? string.Empty,
                Header(message, ":event-type") ?? string.Empty,
                Header(message, ":exception-type"),
                JsonDocument.Parse(Encoding.UTF8.GetString(message.Payload)).RootElement.Clone()));
            offset += total;
        }

        return frames;
    }

    private static string? Header(EventStreamMessage message, string name) =>
        message.Headers.TryGetValue(name, out var header) ? header.AsString() : null;
}
