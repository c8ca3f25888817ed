using Microsoft.Extensions.AI;
using OpenAI.Images;

namespace Assay.Models.OpenAI;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.

/// <summary>An image generator over the OpenAI SDK's <c>/images/generations</c>; images come back as PNG bytes unless a URI is asked for.</summary>
internal sealed class OpenAiImageGenerator(ImageClient client, string modelId, Uri endpoint) : IImageGenerator
{
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, Microsoft.Extensions.AI.ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var openAiOptions = new global::OpenAI.Images.ImageGenerationOptions
        {
            ResponseFormat = options?.ResponseFormat == ImageGenerationResponseFormat.Uri ? GeneratedImageFormat.Uri : GeneratedImageFormat.Bytes,
        };
        if (options?.ImageSize is { } size)
        {
            openAiOptions.Size = new GeneratedImageSize(size.Width, size.Height);
        }

        GeneratedImageCollection images;
        try
        {
            images = (await client.GenerateImagesAsync(request.Prompt ?? string.Empty, options?.Count ?? 1, openAiOptions, cancellationToken)).Value;
        }
        catch (Exception ex) when (OpenAiErrors.Translate(ex, modelId, endpoint, cancellationToken) is ModelServiceException translated)
        {
            throw translated;
        }

        var contents = new List<AIContent>();
        foreach (var image in images)
        {
            if (image.ImageBytes is { } bytes)
            {
                contents.Add(new DataContent(bytes.ToMemory(), options?.MediaType ?? "image/png"));
            }
            else if (image.ImageUri is { } uri)
            {
                contents.Add(new UriContent(uri, options?.MediaType ?? "image/png"));
            }
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = images };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ImageGeneratorMetadata) ? new ImageGeneratorMetadata("openai", endpoint, modelId)
        : null;

    public void Dispose()
    {
    }
}
