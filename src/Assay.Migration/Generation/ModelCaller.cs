using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Study;
using Assay.Models.Metering;
using Assay.Models.Tokenization;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Generation;

/// <summary>
/// Makes one call through the model layer and turns it into a <see cref="GenerationRecord"/>.
/// Figures come from the model layer's metering (<see cref="CallMetrics"/>); where a client
/// carries none, latency is timed here and tokens are counted with the stated approximation
/// (and flagged as estimated). A failed call becomes a record with its error; a mistake in the
/// study (no price for the model, a missing credential) stops the run instead, since every
/// further call would fail the same way.
/// </summary>
internal sealed class ModelCaller(IChatClient client, ModelSpec model, string label, GenerationSettings settings, ITokenCounter tokens, TimeProvider time)
{
    /// <summary>The option key under which the model layer's extractive provider takes the document.</summary>
    internal const string ExtractiveDocumentKey = "assay.document";

    public string Label => label;

    public async Task<GenerationRecord> CallAsync(StudyItem item, string prompt, int repeat, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [new(ChatRole.System, settings.SystemPrompt), new(ChatRole.User, prompt)];
        var options = new ChatOptions { MaxOutputTokens = settings.MaxTokens, Temperature = settings.Temperature, TopP = settings.TopP };
        if (model.ModelId.StartsWith("extractive:", StringComparison.OrdinalIgnoreCase))
        {
            // Extractive methods pick sentences of the document, not of the prompt's instructions.
            options.AdditionalProperties = new() { [ExtractiveDocumentKey] = item.Document };
        }

        var start = time.GetTimestamp();
        TimeSpan? firstText = null;
        var updates = new List<ChatResponseUpdate>();
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                if (firstText is null && !string.IsNullOrEmpty(update.Text))
                {
                    firstText = time.GetElapsedTime(start);
                }

                updates.Add(update);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AssayException ex) when (ex.ExitCode is ExitCodes.BadInput or ExitCodes.SetupMissing)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed call is a result of the study (kept with its error), not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new GenerationRecord
            {
                Model = label,
                ModelId = model.ModelId,
                ItemId = item.ItemId,
                Repeat = repeat,
                Prompt = prompt,
                Error = $"{ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()}",
                LatencyMs = time.GetElapsedTime(start).TotalMilliseconds,
                Attempts = AttemptsOf(ex),
                CompletedAt = time.GetUtcNow(),
            };
        }

        var elapsed = time.GetElapsedTime(start);
        var response = updates.ToChatResponse();
        var metrics = updates.Select(u => u.GetCallMetrics()).LastOrDefault(m => m is not null);
        var text = response.Text;
        long input, output;
        bool estimated;
        if (metrics is not null)
        {
            (input, output, estimated) = (metrics.InputTokens, metrics.OutputTokens, metrics.TokensEstimated);
        }
        else if (response.Usage is { InputTokenCount: { } i, OutputTokenCount: { } o })
        {
            (input, output, estimated) = (i, o, false);
        }
        else
        {
            (input, output, estimated) = (tokens.Count(settings.SystemPrompt) + tokens.Count(prompt), tokens.Count(text), true);
        }

        return new GenerationRecord
        {
            Model = label,
            ModelId = model.ModelId,
            ItemId = item.ItemId,
            Repeat = repeat,
            Prompt = prompt,
            Response = text,
            LatencyMs = (metrics?.Latency ?? (metrics?.Cached == true ? null : elapsed))?.TotalMilliseconds,
            TimeToFirstTokenMs = (metrics?.TimeToFirstToken ?? firstText)?.TotalMilliseconds,
            ServerLatencyMs = metrics?.ServerLatency?.TotalMilliseconds,
            InputTokens = input,
            OutputTokens = output,
            TokensEstimated = estimated,
            CostUsd = Cost(input, output, metrics),
            Attempts = metrics?.Attempts ?? 1,
            Cached = metrics?.Cached ?? false,
            Replayed = metrics?.Replayed ?? false,
            CompletedAt = time.GetUtcNow(),
        };
    }

    // The resilience decorator puts the attempts it made on the service failure it wraps; a
    // failure from anywhere else was one attempt.
    private static int AttemptsOf(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is Assay.Models.ModelServiceException service)
            {
                return service.Attempts;
            }
        }

        return 1;
    }

    private decimal Cost(long input, long output, CallMetrics? metrics)
    {
        // A price written in the study file is the user's explicit choice: it wins over the catalog.
        if (model.PricePer1k is { } price)
        {
            return (input / 1000m * price.Input) + (output / 1000m * price.Output);
        }

        return metrics?.CostUsd ?? throw new AssayException(
            $"{model.Where}: model '{model.ModelId}' ({model.Field}) has no price in the model layer's catalog, so its cost cannot be compared; add 'price: {{ inputPer1k: ..., outputPer1k: ... }}' (US dollars per 1,000 tokens) to {model.Field}.");
    }
}
