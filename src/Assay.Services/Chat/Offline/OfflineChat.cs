using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Rag.Answers;

namespace Assay.Services.Chat.Offline;

/// <summary>The offline chat client that <c>services.chat.offline</c> selects, for one tenant.</summary>
internal static class OfflineChat
{
    /// <summary>Writes the running summary for the summary memory when no model is configured: sentences picked by TextRank, nothing generated.</summary>
    public const string SummaryModel = "extractive:textrank-5";

    public static OfflineChatClient Create(ServicesOptions options, string tenant, Func<RagService> rag)
    {
        var method = OfflineChatMethods.Parse(options.Chat.Offline);
        if (method == OfflineChatMethod.MemoryRecall)
        {
            return new MemoryRecallChatClient();
        }

        var index = options.Chat.OfflineIndex;
        if (string.IsNullOrWhiteSpace(index))
        {
            throw new AssayException("Setting services.chat.offline is index-passages but services.chat.offlineIndex is not set: name the RAG index to answer from.", ExitCodes.SetupMissing);
        }

        return new IndexPassagesChatClient(rag(), tenant, index, options.Rag.TopK, RelevanceGate.From(options.Rag));
    }
}
