using System.Globalization;
using System.Text;
using Assay.Services.Rag;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Index;
using Microsoft.Extensions.AI;

namespace Assay.Services.Chat.Offline;

/// <summary>
/// <c>offline:index-passages</c>: the answer is the passages of the tenant's RAG index
/// (<c>services.chat.offlineIndex</c>) that best match the new message by hybrid search (BM25 +
/// vectors), quoted with file and page; only passages the RAG answers' own <see cref="RelevanceGate"/>
/// admits are quoted, and with the same quote finder. Extractive: nothing is generated. Only the new message is
/// searched for; the remembered turns are not used.
/// </summary>
internal sealed class IndexPassagesChatClient(RagService rag, string tenant, string index, int topK, RelevanceGate gate) : OfflineChatClient(OfflineChatMethod.IndexPassages)
{
    private const int MaxQuotes = 3;

    protected override string Description => $"index passages (no model called): hybrid search of index '{index}', best passages quoted with file and page";

    protected override async Task<string> AnswerAsync(IReadOnlyList<ChatMessage> prompt, CancellationToken cancellationToken)
    {
        var (_, message) = Split(prompt);
        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = await rag.SearchAsync(tenant, index, message, SearchMode.Hybrid, topK, cancellationToken);
        }
        catch (IndexNotFoundException)
        {
            throw new AssayException($"Setting services.chat.offlineIndex names index '{index}', which this tenant does not have: ingest documents into it (assay rag ingest --index {index}) or name another index.", ExitCodes.SetupMissing);
        }

        var relevant = hits.Where(gate.Admits).Take(MaxQuotes).ToList();
        if (relevant.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Offline chat (index-passages): no chat model is configured (set services.chat.model in assay.yaml for written answers), and no passage of index '{index}' passes the relevance gate ({gate}) for your message.");
        }

        var answer = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Offline chat (index-passages, extractive, no chat model configured): passages of index '{index}' that match your message, quoted:");
        for (var i = 0; i < relevant.Count; i++)
        {
            var chunk = relevant[i].Chunk;
            answer.Append(CultureInfo.InvariantCulture, $"\n[{i + 1}] \"{QuoteFinder.BestSpan(chunk.Text, message)}\" ({chunk.FileName}, page {chunk.Page}; relevance {relevant[i].Relevance:0.00})");
        }

        return answer.ToString();
    }
}
