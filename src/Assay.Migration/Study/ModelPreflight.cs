using Assay.Migration.Store;
using Assay.Models;
using Microsoft.Extensions.AI;

namespace Assay.Migration.Study;

/// <summary>
/// One call to every judge, optimizer and embedding model before generation starts, so an
/// unreachable judge stops the study (exit 4) before a single generation call is paid for,
/// not after it. Chat checks go through the run store like every judge call: a resumed study
/// that checked them before makes no call. Bedrock's OptimizePrompt is not checked (it has no
/// cheap call); its failure stops the study when optimization starts, still before generation.
/// Offline models (<c>local:</c>, <c>extractive:</c>, <c>replay:</c>) are not checked: nothing
/// can be unreachable, and a missing local file already stops the study with its own exit code.
/// </summary>
internal static class ModelPreflight
{
    internal const string CheckPrompt = "Reply with the single word OK.";

    public static async Task CheckAsync(Study study, IModelFactory models, StoredAnswers answers, CancellationToken cancellationToken)
    {
        var chats = new List<(string Field, string ModelId)>();
        if (study.Judges is { } judges)
        {
            chats.AddRange(judges.Models.Select((j, i) => ($"judges.models[{i}] ('{j.Name}')", j.ModelId)));
        }

        chats.AddRange(study.Candidates.Where(c => c.Optimizer is not null and not "bedrock").Select(c => ($"{c.Field}.optimizer", c.Optimizer!)));
        foreach (var (field, id) in chats.Where(c => !Offline(c.ModelId)).DistinctBy(c => c.ModelId, StringComparer.Ordinal))
        {
            try
            {
                var client = new StoredChatClient(models.CreateChatClient(id), id, answers);
                await client.GetResponseAsync([new ChatMessage(ChatRole.User, CheckPrompt)], new ChatOptions { Temperature = 0, MaxOutputTokens = 8 }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not AssayException || ex is AssayException { ExitCode: ExitCodes.ModelUnavailable })
            {
                throw Unavailable(study, field, id, ex);
            }
        }

        if (study.EmbeddingModel is { } embedding && !Offline(embedding))
        {
            try
            {
                await models.CreateEmbeddingGenerator(embedding).GenerateAsync([CheckPrompt], cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not AssayException || ex is AssayException { ExitCode: ExitCodes.ModelUnavailable })
            {
                throw Unavailable(study, "embeddingModel", embedding, ex);
            }
        }
    }

    private static bool Offline(string modelId) =>
        modelId.StartsWith("local:", StringComparison.OrdinalIgnoreCase) || modelId.StartsWith("extractive:", StringComparison.OrdinalIgnoreCase) || modelId.StartsWith("replay:", StringComparison.OrdinalIgnoreCase);

    private static AssayException Unavailable(Study study, string field, string modelId, Exception ex) => new(
        $"{study.FilePath}: {field}: model '{modelId}' failed its check call before generation ({ex.Message.Split('\n')[0].Trim().TrimEnd('.')}); check the model id, its credentials and that the service is reachable. No generation call was made.",
        ExitCodes.ModelUnavailable,
        ex);
}
