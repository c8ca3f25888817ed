namespace Assay.Services.Chat.Offline;

/// <summary>
/// What chat does when <c>services.chat.model</c> is unset (<c>services.chat.offline</c>):
/// <c>memory-recall</c> quotes the earlier turns of the conversation that best match the new
/// message; <c>index-passages</c> quotes the best passages of a RAG index. Neither writes text.
/// </summary>
public enum OfflineChatMethod
{
    MemoryRecall,
    IndexPassages,
}

internal static class OfflineChatMethods
{
    /// <summary>The model id an offline answer reports: the method, never a model's name.</summary>
    public static string ModelId(OfflineChatMethod method) => "offline:" + Name(method);

    public static string Name(OfflineChatMethod method) => method switch
    {
        OfflineChatMethod.MemoryRecall => "memory-recall",
        _ => "index-passages",
    };

    public static OfflineChatMethod Parse(string? text) => (text ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "" or "memory-recall" => OfflineChatMethod.MemoryRecall,
        "index-passages" => OfflineChatMethod.IndexPassages,
        _ => throw new AssayException($"Setting services.chat.offline is '{text}': use memory-recall or index-passages (or set services.chat.model for a chat model).", ExitCodes.SetupMissing),
    };
}
