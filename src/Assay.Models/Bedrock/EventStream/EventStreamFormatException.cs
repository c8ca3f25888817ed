namespace Assay.Models.Bedrock.EventStream;

/// <summary>The bytes are not a valid event-stream message (bad length, bad checksum, truncated, unknown header type).</summary>
public sealed class EventStreamFormatException : Exception
{
    public EventStreamFormatException(string message)
        : base(message)
    {
    }

    public EventStreamFormatException()
        : this("Invalid event-stream message.")
    {
    }

    public EventStreamFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
