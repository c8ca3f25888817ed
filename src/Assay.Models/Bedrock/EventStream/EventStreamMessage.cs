namespace Assay.Models.Bedrock.EventStream;

/// <summary>One decoded <c>application/vnd.amazon.eventstream</c> message: its headers and payload.</summary>
internal sealed record EventStreamMessage(IReadOnlyDictionary<string, object> Headers, ReadOnlyMemory<byte> Payload)
{
    /// <summary><c>:message-type</c>: <c>event</c>, <c>exception</c> or <c>error</c>.</summary>
    public string MessageType => Header(":message-type") ?? "event";

    /// <summary><c>:event-type</c>, e.g. <c>contentBlockDelta</c>.</summary>
    public string? EventType => Header(":event-type");

    /// <summary><c>:exception-type</c> (or <c>:error-code</c>), e.g. <c>throttlingException</c>.</summary>
    public string? ExceptionType => Header(":exception-type") ?? Header(":error-code");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value as string : null;
}
