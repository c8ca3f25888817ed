using System.ClientModel.Primitives;
using System.Globalization;

namespace Assay.Models.OpenAI;

/// <summary>
/// A policy on the OpenAI SDK's pipeline that reads the endpoint's own latency figure, the
/// <c>openai-processing-ms</c> response header, into the box the calling client opened for the
/// call (<see cref="Begin"/>). The SDK's typed results do not expose response headers, and the
/// box rides an <see cref="AsyncLocal{T}"/> down to the transport because the call that set it
/// cannot see a value set below it.
/// </summary>
internal sealed class ServerLatencyPolicy : PipelinePolicy
{
    public const string Header = "openai-processing-ms";

    private static readonly AsyncLocal<Box?> Current = new();

    public static ServerLatencyPolicy Instance { get; } = new();

    /// <summary>Opens a box for one call; the policy fills it when the response's headers arrive.</summary>
    public static Box Begin()
    {
        var box = new Box();
        Current.Value = box;
        return box;
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Read(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Read(message);
    }

    private static void Read(PipelineMessage message)
    {
        if (Current.Value is { } box
            && message.Response?.Headers.TryGetValue(Header, out var value) == true
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0)
        {
            box.Milliseconds = ms;
        }
    }

    /// <summary>The figure for one call, when the endpoint sent one.</summary>
    internal sealed class Box
    {
        public double? Milliseconds { get; set; }
    }
}
