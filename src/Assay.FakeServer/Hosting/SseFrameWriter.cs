using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace Assay.FakeServer.Hosting;

/// <summary>
/// Writes server-sent events (<c>data: JSON</c> and a blank line) straight into the response
/// pipe with one reused <see cref="Utf8JsonWriter"/>: a streamed answer of N tokens costs N
/// small writes, not N buffers, writers and copies. Nothing is sent until <see cref="FlushAsync"/>.
/// </summary>
internal sealed class SseFrameWriter(PipeWriter pipe) : IDisposable
{
    private readonly Utf8JsonWriter json = new(pipe, JsonBody.Options);

    /// <summary>One event whose data is the JSON <paramref name="write"/> produces.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        pipe.Write("data: "u8);
        json.Reset(pipe);
        write(json);
        json.Flush();
        pipe.Write("\n\n"u8);
    }

    /// <summary>One event with ready-made data bytes (an error body), or, with <paramref name="framed"/>, bytes written as they are.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes, bool framed = true)
    {
        if (framed)
        {
            pipe.Write("data: "u8);
        }

        pipe.Write(bytes);
        if (framed)
        {
            pipe.Write("\n\n"u8);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken) => await pipe.FlushAsync(cancellationToken);

    public void Dispose() => json.Dispose();
}
