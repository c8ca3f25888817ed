using Assay.Services.Configuration;
using Assay.Services.Images;
using Assay.Services.Images.Storage;
using Assay.Web.Errors;
using Assay.Web.Hosting;
using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

internal static class ImagesApi
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/images").WithTags("Images");
        group.MapGet("/", GenerateFromQueryAsync)
            .WithName("GenerateImageFromQuery").WithSummary("Generates one image from ?prompt= (and optional count, size, quality, cfgScale, seed); stores it and returns its object name and a time-limited link.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/", GenerateAsync)
            .WithName("GenerateImages").WithSummary("Generates images (prompt, count, size, quality, cfgScale, seed); stores them in S3 or a local folder and returns object names and time-limited links.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/model", (ServicesOptions options) => TypedResults.Ok(new ImageModelStatus(options.Images.Model, options.Images.Model is not null, "services.images.model", options.Images.Storage)))
            .WithName("GetImageModel").WithSummary("Which image model generation uses (null: none configured, generation answers 503 naming the setting; there is no offline image model).");
        group.MapGet("/files/{**key}", GetFile)
            .WithName("GetStoredImage").WithSummary("A locally stored image, through the signed link the generation returned (no API key: the signature is the authorisation, until it expires).")
            .WithMetadata(new AllowWithoutKeyAttribute())
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Ok<ImageResult>> GenerateFromQueryAsync(string? prompt, int? count, string? size, string? quality, double? cfgScale, long? seed, HttpContext context, ImageService images, CancellationToken cancellationToken) =>
        TypedResults.Ok(Absolute(context, await images.GenerateAsync(context.Tenant(), new ImageRequest(prompt ?? string.Empty, count ?? 1, size ?? "1024x1024", quality ?? "standard", cfgScale, seed), cancellationToken)));

    internal static async Task<Ok<ImageResult>> GenerateAsync(ImageBody body, HttpContext context, ImageService images, CancellationToken cancellationToken) =>
        TypedResults.Ok(Absolute(context, await images.GenerateAsync(context.Tenant(), new ImageRequest(body.Prompt ?? string.Empty, body.Count ?? 1, body.Size ?? "1024x1024", body.Quality ?? "standard", body.CfgScale, body.Seed), cancellationToken)));

    internal static IResult GetFile(string key, long? expires, string? sig, ImageService images)
    {
        if (images.Store is not LocalImageStore local)
        {
            throw new NotFoundException("Images are stored in S3: use the presigned link the generation returned.");
        }

        if (expires is null || string.IsNullOrEmpty(sig) || !local.Verify(key, expires.Value, sig))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Link invalid or expired", detail: "This image link is not signed for this key or has expired: generate a new link.");
        }

        var path = local.Resolve(key);
        if (!File.Exists(path))
        {
            throw new NotFoundException($"Image '{key}' not found.");
        }

        var type = Path.GetExtension(path) switch { ".jpg" => "image/jpeg", ".webp" => "image/webp", _ => "image/png" };
        return TypedResults.PhysicalFile(path, type);
    }

    private static ImageResult Absolute(HttpContext context, ImageResult result) => result with
    {
        Images = result.Images.Select(i => i.Url.IsAbsoluteUri ? i : i with { Url = new Uri(PublicBaseUrl.Of(context), i.Url) }).ToList(),
    };
}

/// <summary>The configured image model (null when none), whether generation can work, the setting that names it, and the storage.</summary>
internal sealed record ImageModelStatus(string? Model, bool Configured, string Setting, string Storage);

internal sealed record ImageBody(string? Prompt, int? Count, string? Size, string? Quality, double? CfgScale, long? Seed);
