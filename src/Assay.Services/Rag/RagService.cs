using Assay.Models;
using Assay.Models.Tokenization;
using Assay.Services.Configuration;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Chunking;
using Assay.Services.Rag.Documents;
using Assay.Services.Rag.Index;
using Assay.Services.Text;
using Microsoft.Extensions.AI;

namespace Assay.Services.Rag;

/// <summary>
/// The HR-answers pipeline: documents -> pages -> sentence-aligned passages -> embeddings ->
/// a persisted index (BM25 + vectors) -> retrieval -> cited answers. Every index belongs to one
/// tenant; another tenant's index of the same name is a different file.
/// </summary>
public sealed class RagService
{
    private readonly IModelFactory models;
    private readonly ServicesOptions options;
    private readonly TimeProvider time;
    private readonly IndexCatalog catalog;
    private readonly DocumentLoader loader;
    private readonly AnswerWriter answers;

    /// <summary>The answer settings in use (<c>services.rag</c>).</summary>
    public RagOptions RagSettings => options.Rag;

    public RagService(IModelFactory models, ServicesOptions options, TimeProvider time)
    {
        this.models = models;
        this.options = options;
        this.time = time;
        catalog = new IndexCatalog(options.DataDir);
        loader = new DocumentLoader(new PdfTextExtractor(options.Rag.PopplerDir, options.Rag.MaxPdfPages, options.Rag.PdfTimeoutSeconds), options.Rag);
        answers = new AnswerWriter(models, options);
    }

    /// <summary>Reads, chunks, embeds and stores a document; an unchanged document (same SHA-256) is skipped.</summary>
    public async Task<IngestResult> IngestAsync(string tenant, string index, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        IndexCatalog.ValidateName(tenant, "Tenant");
        IndexCatalog.ValidateName(index, "Index name");
        var document = await loader.LoadAsync(fileName, content, cancellationToken);
        var gate = catalog.WriteLock(tenant, index);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var store = catalog.Open(tenant, index);
            var model = store.GetMeta("embedding_model") ?? options.Embeddings.Model;
            if (store.GetDocumentHash(document.FileName) == document.ContentSha256)
            {
                return new IngestResult(index, document.FileName, document.ContentSha256, "unchanged", document.Pages.Count, 0, model, null);
            }

            var existed = store.GetDocumentHash(document.FileName) is not null;
            var chunker = new SentenceChunker(options.Rag.ChunkTokens, options.Rag.OverlapTokens, EstimatedTokenCounter.Or(models));
            var chunks = chunker.Split(document);
            if (chunks.Count > options.Rag.MaxPassagesPerDocument)
            {
                throw new AssayException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"File '{document.FileName}' makes {chunks.Count} passages, more than {options.Rag.MaxPassagesPerDocument} (limit services.rag.maxPassagesPerDocument): split the document, or raise that setting."));
            }

            var vectors = await EmbedAsync(model, chunks.Select(c => c.Text).ToList(), cancellationToken);
            store.ReplaceDocument(document.FileName, document.ContentSha256, document.Pages, model, chunks, vectors, time.GetUtcNow());
            catalog.Invalidate(tenant, index);
            return new IngestResult(index, document.FileName, document.ContentSha256, existed ? "replaced" : "added", document.Pages.Count, chunks.Count, model, chunker.TokenCounting);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A cited page's text with the quoted passage marked: the character ranges of
    /// <paramref name="quote"/> in it (matched across any whitespace, so a quote that spans line breaks is found).
    /// Null when the index has no such page (or was built before pages were stored: ingest the document again).
    /// </summary>
    public CitedPage? ReadPage(string tenant, string index, string file, int page, string? quote)
    {
        var text = catalog.OpenExisting(tenant, index).ReadPage(file, page);
        return text is null ? null : new CitedPage(file, page, text, string.IsNullOrWhiteSpace(quote) ? [] : PageMarks.Find(text, quote));
    }

    public IReadOnlyList<IndexedDocument> ListDocuments(string tenant, string index) => catalog.OpenExisting(tenant, index).ReadDocuments();

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string tenant, string index, string query, SearchMode mode, int k, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new AssayException("Field 'query' is empty: send the question or keywords to search for.");
        }

        if (k is < 1 or > 50)
        {
            throw new AssayException($"Field 'k' is {k}: ask for 1 to 50 passages.");
        }

        var searchable = catalog.Searchable(tenant, index);
        var model = searchable.EmbeddingModel ?? options.Embeddings.Model;
        var vector = (await EmbedAsync(model, [query], cancellationToken))[0];
        return searchable.Search(query, vector, mode, k);
    }

    public async Task<RagAnswer> AskAsync(string tenant, string index, string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new AssayException("Field 'question' is empty: send the question to answer from the documents.");
        }

        var (hits, weight) = await CandidatesAsync(tenant, index, question, cancellationToken);
        return await answers.AnswerAsync(question, hits, weight, cancellationToken);
    }

    /// <summary>The passages the answer checks look through (hybrid, <c>services.rag.answerPassages</c>) and the index's term weights.</summary>
    internal async Task<(IReadOnlyList<SearchHit> Hits, Func<string, double> TermWeight)> CandidatesAsync(string tenant, string index, string question, CancellationToken cancellationToken)
    {
        var hits = await SearchAsync(tenant, index, question, SearchMode.Hybrid, Math.Clamp(options.Rag.AnswerPassages, 1, 50), cancellationToken);
        return (hits, catalog.Searchable(tenant, index).TermWeight);
    }

    private async Task<IReadOnlyList<float[]>> EmbedAsync(string model, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var generator = models.CreateEmbeddingGenerator(model);
        var result = new List<float[]>(texts.Count);
        const int batch = 64;
        for (var i = 0; i < texts.Count; i += batch)
        {
            var generated = await generator.GenerateAsync(texts.Skip(i).Take(batch), cancellationToken: cancellationToken);
            result.AddRange(generated.Select(e => Embeddings.VectorMath.Normalize(e.Vector.Span)));
        }

        return result;
    }
}

/// <summary>A page of an indexed document and the ranges (start, length) where the cited quote sits in it.</summary>
public sealed record CitedPage(string File, int Page, string Text, IReadOnlyList<TextRange> Marks);

/// <summary>
/// What ingestion did: <c>added</c>, <c>replaced</c> (content changed) or <c>unchanged</c> (same
/// SHA-256, skipped). <see cref="TokenCounting"/> says how passage sizes were counted (null when skipped).
/// </summary>
public sealed record IngestResult(string Index, string FileName, string ContentSha256, string Status, int Pages, int Chunks, string EmbeddingModel, string? TokenCounting);
