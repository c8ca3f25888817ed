using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assay.Models.Bedrock;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.

/// <summary>
/// Titan Image Generator and Nova Canvas over InvokeModel (<c>TEXT_IMAGE</c> task): the body
/// both share, answered with base64 PNG images. <c>seed</c>, <c>cfgScale</c> and <c>quality</c>
/// come from the options' AdditionalProperties and are sent only when given.
/// </summary>
internal sealed class BedrockImageGenerator(BedrockConnection connection, string bedrockModelId, string modelId) : IImageGenerator
{
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var size = options?.ImageSize ?? new System.Drawing.Size(1024, 1024);
        var config = new Dictionary<string, object>
        {
            ["numberOfImages"] = options?.Count ?? 1,
            ["width"] = size.Width,
            ["height"] = size.Height,
        };

        // Optional settings travel in AdditionalProperties; what is not given keeps the model's own default.
        if (Setting(options, "seed") is { } seed)
        {
            config["seed"] = Convert.ToInt64(seed, CultureInfo.InvariantCulture);
        }

        if (Setting(options, "cfgScale") is { } cfgScale)
        {
            config["cfgScale"] = Convert.ToDouble(cfgScale, CultureInfo.InvariantCulture);
        }

        if (Setting(options, "quality") is string quality)
        {
            config["quality"] = quality;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["taskType"] = "TEXT_IMAGE",
            ["textToImageParams"] = new Dictionary<string, object> { ["text"] = request.Prompt ?? string.Empty },
            ["imageGenerationConfig"] = config,
        });
        using var response = await connection.PostAsync($"model/{Uri.EscapeDataString(bedrockModelId)}/invoke", body, modelId, eventStream: false, cancellationToken);
        using var doc = await BedrockConnection.ReadJsonAsync(response, modelId, cancellationToken);
        if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } message)
        {
            throw new ModelServiceException($"Model '{modelId}' refused the image: {message}", 400, "ValidationException", false);
        }

        if (!doc.RootElement.TryGetProperty("images", out var images) || images.ValueKind != JsonValueKind.Array)
        {
            throw new ModelServiceException($"Model '{modelId}': the InvokeModel response has no 'images' array", null, "MalformedResponse", true);
        }

        var contents = new List<AIContent>();
        foreach (var image in images.EnumerateArray())
        {
            try
            {
                contents.Add(new DataContent(Convert.FromBase64String(image.GetString() ?? string.Empty), "image/png"));
            }
            catch (FormatException ex)
            {
                throw new ModelServiceException($"Model '{modelId}': an image is not valid base64", null, "MalformedResponse", true, ex);
            }
        }

        return new ImageGenerationResponse(contents);
    }

    private static object? Setting(ImageGenerationOptions? options, string name) =>
        options?.AdditionalProperties?.TryGetValue(name, out var value) == true ? value : null;

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ImageGeneratorMetadata) ? new ImageGeneratorMetadata("bedrock", connection.Endpoint, bedrockModelId)
        : null;

    public void Dispose()
    {
    }
}
