using System.Text;
using System.Text.Json;
using Assay.Models.Bedrock.EventStream;

namespace Assay.Models.Bedrock;

/// <summary>
/// Bedrock's prompt optimizer (bedrock-agent-runtime <c>OptimizePrompt</c>): sends
/// <c>{"input":{"textPrompt":{"text"}},"targetModelId"}</c> and reads the event stream, whose
/// <c>optimizedPromptEvent</c> carries the rewritten prompt and <c>analyzePromptEvent</c> the
/// optimizer's analysis. Get one from <see cref="ModelFactory.CreatePromptOptimizer"/>.
/// </summary>
public sealed class BedrockPromptOptimizer
{
    private readonly BedrockConnection _connection;

    internal BedrockPromptOptimizer(BedrockConnection connection) => _connection = connection;

    /// <summary>The optimized prompt for <paramref name="targetModelId"/> (a Bedrock model id such as <c>amazon.nova-lite-v1:0</c>), with the optimizer's analysis.</summary>
    public async Task<OptimizedPrompt> OptimizeAsync(string prompt, string targetModelId, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["input"] = new Dictionary<string, object> { ["textPrompt"] = new Dictionary<string, object> { ["text"] = prompt } },
            ["targetModelId"] = targetModelId,
        });
        var label = "bedrock-agent:optimize-prompt";
        using var response = await _connection.PostAsync("optimize-prompt", body, label, eventStream: true, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        string? optimized = null;
        var analysis = new StringBuilder();
        try
        {
            await foreach (var frame in EventStreamDecoder.ReadAllAsync(stream, cancellationToken))
            {
                using var doc = JsonDocument.Parse(frame.Payload);
                var root = doc.RootElement;
                if (frame.MessageType != "event")
                {
                    var type = frame.ExceptionType ?? "UnknownException";
                    var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
                    throw new ModelServiceException($"The prompt optimizer reported {type}: {message}", null, type, ModelServiceException.IsTransientStatus(null, char.ToUpperInvariant(type[0]) + type[1..]));
                }

                if (frame.EventType == "optimizedPromptEvent"
                    && root.TryGetProperty("optimizedPrompt", out var op)
                    && op.TryGetProperty("textPrompt", out var tp)
                    && tp.TryGetProperty("text", out var text))
                {
                    optimized = text.GetString();
                }
                else if (frame.EventType == "analyzePromptEvent" && root.TryGetProperty("message", out var note))
                {
                    analysis.Append(note.GetString());
                }
            }
        }
        catch (Exception ex) when (ex is EventStreamFormatException or IOException or HttpRequestException)
        {
            throw new ModelServiceException($"The prompt optimizer's event stream broke ({ex.Message})", null, "StreamCut", true, ex);
        }

        return optimized is null
            ? throw new ModelServiceException("The prompt optimizer's stream had no optimizedPromptEvent", null, "MalformedResponse", true)
            : new OptimizedPrompt(optimized, analysis.Length == 0 ? null : analysis.ToString());
    }
}

/// <summary>The optimizer's rewritten prompt and its analysis of the original, when it gave one.</summary>
public sealed record OptimizedPrompt(string Text, string? Analysis);
