using System.Globalization;
using Assay.Models;
using Assay.Services.Configuration;
using Assay.Services.Images.Storage;
using Microsoft.Extensions.AI;

namespace Assay.Services.Images;

/// <summary>
/// Generates images with the configured image model (through the model factory), stores them
/// (S3 or a local folder) under the tenant's prefix and returns time-limited links. There is no
/// offline image model: without services.images.model this throws a setup error (503) naming
/// the setting. It never makes up an image.
/// </summary>
#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions; it is the only image abstraction there is.
public sealed class ImageService(IModelFactory models, ServicesOptions options, TimeProvider time, IImageStore store)
{
    private static readonly string[] Qualities = ["standard", "premium"];

    public IImageStore Store => store;

    public async Task<ImageResult> GenerateAsync(string tenant, ImageRequest request, CancellationToken cancellationToken)
    {
        var size = Validate(request);
        var modelId = options.Images.Model
            ?? throw new AssayException("No image model is configured: set services.images.model in assay.yaml (for example bedrock:amazon.nova-canvas-v1:0 or bedrock:amazon.titan-image-generator-v2:0). There is no offline image model.", ExitCodes.SetupMissing);
        var generator = models.CreateImageGenerator(modelId);
        var generationOptions = new ImageGenerationOptions
        {
            Count = request.Count,
            ImageSize = size,
            MediaType = "image/png",
            ResponseFormat = ImageGenerationResponseFormat.Data,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["quality"] = request.Quality },
        };
        if (request.CfgScale is not null)
        {
            generationOptions.AdditionalProperties["cfgScale"] = request.CfgScale.Value;
        }

        if (request.Seed is not null)
        {
            generationOptions.AdditionalProperties["seed"] = request.Seed.Value;
        }

        var response = await generator.GenerateAsync(new ImageGenerationRequest(request.Prompt), generationOptions, cancellationToken);
        var images = response.Contents.OfType<DataContent>().Where(c => c.HasTopLevelMediaType("image")).ToList();
        if (images.Count == 0)
        {
            throw new AssayException($"Image model '{modelId}' returned no image data; nothing was stored.", ExitCodes.ModelUnavailable);
        }

        var now = time.GetUtcNow();
        var expiresAt = now.AddSeconds(options.Images.LinkLifetimeSeconds);
        var stored = new List<StoredImage>();
        foreach (var image in images)
        {
            var key = ObjectKeys.NewImageKey(tenant, now, Extension(image.MediaType));
            var bytes = image.Data.ToArray();
            var objectName = await store.PutAsync(key, bytes, image.MediaType, cancellationToken);
            var url = await store.LinkAsync(key, expiresAt, cancellationToken);
            stored.Add(new StoredImage(key, objectName, url, expiresAt, image.MediaType, bytes.Length));
        }

        return new ImageResult(modelId, store.Kind, stored);
    }

    private System.Drawing.Size Validate(ImageRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new AssayException("Field 'prompt' is empty: describe the image to generate.");
        }

        if (request.Prompt.Length > 4000)
        {
            throw new AssayException($"Field 'prompt' has {request.Prompt.Length} characters; at most 4000.");
        }

        if (request.Count < 1 || request.Count > options.Images.MaxCount)
        {
            throw new AssayException($"Field 'count' is {request.Count}: ask for 1 to {options.Images.MaxCount} images (setting services.images.maxCount).");
        }

        if (!Qualities.Contains(request.Quality))
        {
            throw new AssayException($"Field 'quality' is '{request.Quality}': use standard or premium.");
        }

        if (request.CfgScale is < 1.1 or > 10)
        {
            throw new AssayException($"Field 'cfgScale' is {request.CfgScale}: use 1.1 to 10.");
        }

        var parts = request.Size.Split('x');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width is < 256 or > 4096 || height is < 256 or > 4096)
        {
            throw new AssayException($"Field 'size' is '{request.Size}': write WIDTHxHEIGHT in pixels, each 256 to 4096, for example 1024x1024.");
        }

        return new System.Drawing.Size(width, height);
    }

    private static string Extension(string mediaType) => mediaType switch
    {
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        _ => ".png",
    };
}
#pragma warning restore MEAI001
