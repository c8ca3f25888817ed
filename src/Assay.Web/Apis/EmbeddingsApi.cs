using System.Text.Json;
using Assay.Services.Embeddings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

internal static class EmbeddingsApi
{
    public static IEndpointRouteBuilder MapEmbeddingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/embeddings", CreateEmbeddingsAsync)
            .WithName("CreateEmbeddings").WithTags("Embeddings")
            .WithSummary("Embeds one text or a batch: a vector and the input token count each; optional dimensions (truncate and renormalise) and normalisation.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    internal static async Task<Ok<EmbeddingsResponse>> CreateEmbeddingsAsync(EmbeddingsBody body, EmbeddingService service, CancellationToken cancellationToken)
    {
        var inputs = body.Input.ValueKind switch
        {
            JsonValueKind.String => [body.Input.GetString()!],
            JsonValueKind.Array when body.Input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => body.Input.EnumerateArray().Select(e => e.GetString()!).ToList(),
            _ => throw new AssayException("Field 'input' must be a string or an array of strings."),
        };
        var result = await service.EmbedAsync(new EmbeddingRequest(inputs, body.Model, body.Dimensions, body.Normalize ?? true), cancellationToken);
        var note = result.Truncated
            ? $"Vectors truncated from {result.ModelDimensions} to {result.Dimensions} components{(result.Normalized ? " and renormalised to unit length" : string.Empty)}."
            : null;
        return TypedResults.Ok(new EmbeddingsResponse(
            result.Model,
            result.Data.Select(d => new EmbeddingData(d.Index, d.Embedding, d.InputTokenCount)).ToList(),
            result.Dimensions,
            result.Normalized,
            new EmbeddingUsage(result.InputTokens, result.TokensEstimated),
            note));
    }
}

/// <summary>Request: <c>input</c> is a string or an array of strings.</summary>
internal sealed record EmbeddingsBody(JsonElement Input, string? Model, int? Dimensions, bool? Normalize);

internal sealed record EmbeddingData(int Index, float[] Embedding, int InputTextTokenCount);

/// <summary><c>estimated</c>: per-input counts were estimated (about 4 characters per token) because the model reports none per input.</summary>
internal sealed record EmbeddingUsage(int InputTokens, bool Estimated);

internal sealed record EmbeddingsResponse(string Model, IReadOnlyList<EmbeddingData> Data, int Dimensions, bool Normalized, EmbeddingUsage Usage, string? Note);
