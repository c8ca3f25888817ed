using Assay.Services.Configuration;
using Assay.Services.Rag;
using Assay.Services.Rag.Answers;
using Assay.Services.Rag.Index;
using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

internal static class RagApi
{
    public static IEndpointRouteBuilder MapRagApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetService(typeof(ServicesOptions)) as ServicesOptions ?? new ServicesOptions();
        var group = app.MapGroup("/v1/indexes/{name}").WithTags("HR answers (RAG)");
        group.MapPost("/documents", IngestAsync)
            .WithName("IngestDocuments")
            .WithSummary("Adds PDF, DOCX, Markdown or text files (multipart 'file' fields, or a raw body with ?fileName=); unchanged files (same SHA-256) are skipped.")
            .WithMetadata(new BodySizeLimit(options.MaxDocumentBytes))
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/documents", ListDocuments)
            .WithName("ListDocuments").WithSummary("The documents in the index with their content hashes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/search", SearchAsync)
            .WithName("SearchIndex").WithSummary("Ranked passages for a query: hybrid (BM25 + vectors, reciprocal rank fusion), bm25 or vector.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/ask", AskAsync)
            .WithName("AskIndex").WithSummary("An answer with citations (file, page, quoted span), or an explicit 'not in the documents'.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/pages", ReadPage)
            .WithName("ReadCitedPage").WithSummary("A cited page's text (?file=&page=), with the ranges of ?quote= in it marked, for showing a citation in context.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Ok<CitedPage> ReadPage(string name, string? file, int? page, string? quote, HttpContext context, RagService rag)
    {
        if (string.IsNullOrWhiteSpace(file) || page is null or < 1)
        {
            throw new AssayException("Query parameters 'file' and 'page' are required: send the citation's file and page, e.g. ?file=handbook.pdf&page=2.");
        }

        return TypedResults.Ok(rag.ReadPage(context.Tenant(), name, file, page.Value, quote)
            ?? throw new Errors.NotFoundException($"Index '{name}' has no page {page} of '{file}' (an index built before pages were stored needs the document ingested again)."));
    }

    internal static async Task<Ok<IngestResponse>> IngestAsync(string name, HttpContext context, RagService rag, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant();
        var results = new List<IngestResult>();
        // Only multipart is a form of files; any other body (even one curl labels url-encoded) is the document itself.
        if (context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0)
            {
                throw new AssayException("The form has no file: send each document as a multipart 'file' field.");
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                results.Add(await rag.IngestAsync(tenant, name, file.FileName, buffer.ToArray(), cancellationToken));
            }
        }
        else
        {
            var fileName = context.Request.Query["fileName"].ToString();
            if (string.IsNullOrWhiteSpace(fileName))
            {
                throw new AssayException("Query parameter 'fileName' is missing: a raw upload needs ?fileName=handbook.pdf (or send multipart 'file' fields).");
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            results.Add(await rag.IngestAsync(tenant, name, fileName, buffer.ToArray(), cancellationToken));
        }

        return TypedResults.Ok(new IngestResponse(name, results));
    }

    internal static Ok<DocumentsResponse> ListDocuments(string name, HttpContext context, RagService rag) =>
        TypedResults.Ok(new DocumentsResponse(name, rag.ListDocuments(context.Tenant(), name)));

    internal static async Task<Ok<SearchResponse>> SearchAsync(string name, SearchBody body, HttpContext context, RagService rag, CancellationToken cancellationToken)
    {
        var mode = body.Mode ?? SearchMode.Hybrid;
        var hits = await rag.SearchAsync(context.Tenant(), name, body.Query ?? string.Empty, mode, body.K ?? 5, cancellationToken);
        return TypedResults.Ok(new SearchResponse(name, mode, hits.Select(h => new SearchResult(
            h.Chunk.FileName, h.Chunk.Page, h.Chunk.Text, Math.Round(h.Score, 6), Math.Round(h.Cosine, 4), Math.Round(h.Coverage, 4), Math.Round(h.Relevance, 4), h.Bm25Rank, h.VectorRank)).ToList()));
    }

    internal static async Task<Ok<RagAnswer>> AskAsync(string name, AskBody body, HttpContext context, RagService rag, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rag.AskAsync(context.Tenant(), name, body.Question ?? string.Empty, cancellationToken));
}

internal sealed record IngestResponse(string Index, IReadOnlyList<IngestResult> Documents);

internal sealed record DocumentsResponse(string Index, IReadOnlyList<IndexedDocument> Documents);

internal sealed record SearchBody(string? Query, int? K, SearchMode? Mode);

/// <summary>One passage: <c>score</c> is the mode's ranking score (RRF, BM25 or cosine); <c>cosine</c>, <c>coverage</c> and <c>relevance</c> (their mean, 0..1) are always given.</summary>
internal sealed record SearchResult(string File, int Page, string Text, double Score, double Cosine, double Coverage, double Relevance, int? Bm25Rank, int? VectorRank);

internal sealed record SearchResponse(string Index, SearchMode Mode, IReadOnlyList<SearchResult> Results);

internal sealed record AskBody(string? Question);
