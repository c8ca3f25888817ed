using Microsoft.Extensions.AI;

namespace Assay.Services.Tests.Doubles;

/// <summary>TEST DOUBLE image generator: returns N copies of a valid 1x1 PNG and records the options it got.</summary>
#pragma warning disable MEAI001
internal sealed class PngImageGenerator : IImageGenerator
{
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public ImageGenerationOptions? LastOptions { get; private set; }

    public Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        LastOptions = options;
        var contents = Enumerable.Range(0, options?.Count ?? 1).Select(_ => (AIContent)new DataContent(Png, "image/png")).ToList();
        return Task.FromResult(new ImageGenerationResponse(contents));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
#pragma warning restore MEAI001
