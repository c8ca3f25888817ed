namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>An OpenAI batch's status; <see cref="OpenAiBatchStatuses.Wire"/> gives the snake_case value.</summary>
internal enum OpenAiBatchStatus
{
    Validating,
    Failed,
    InProgress,
    Finalizing,
    Completed,
    Expired,
    Cancelling,
    Cancelled,
}

internal static class OpenAiBatchStatuses
{
    public static string Wire(this OpenAiBatchStatus status) => status switch
    {
        OpenAiBatchStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool IsTerminal(this OpenAiBatchStatus status) =>
        status is OpenAiBatchStatus.Failed or OpenAiBatchStatus.Completed or OpenAiBatchStatus.Expired or OpenAiBatchStatus.Cancelled;
}
