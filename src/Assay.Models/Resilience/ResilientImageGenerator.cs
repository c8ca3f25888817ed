using Microsoft.Extensions.AI;

namespace Assay.Models.Resilience;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.

/// <summary>Retries and limits for image calls, as for chat.</summary>
internal sealed class ResilientImageGenerator(IImageGenerator inner, ResilientCall call) : DelegatingImageGenerator(inner)
{
    public override async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (result, _, _) = await call.ExecuteAsync(ct => base.GenerateAsync(request, options, ct), 1, cancellationToken);
        return result;
    }
}
