using System.Text.Json.Serialization;
using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Assay.Web.Hosting;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and Scalar's API reference at <c>/scalar</c>,
/// both served without a key (they hold no secret; the document says which routes need one).
/// The document marks required fields (<see cref="RequiredPropertiesTransformer"/>), types
/// numbers as numbers (the API reads numbers only as JSON numbers, not as strings, so the
/// schema need not allow both) and lists enum values (they travel as camelCase strings).
/// Scalar's script is served from its package, and its web fonts and AI agent are off, so the
/// page needs no internet.
/// </summary>
internal static class OpenApiSetup
{
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddAssayOpenApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(j => j.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiKeySecurityTransformer>();
            o.AddSchemaTransformer<RequiredPropertiesTransformer>();
            o.AddSchemaTransformer<EnumValuesTransformer>();
        });
    }

    public static WebApplication MapAssayOpenApi(this WebApplication app)
    {
        app.MapOpenApi().WithMetadata(new AllowWithoutKeyAttribute());
        app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("Assay API reference")
                .DisableDefaultFonts()
                .DisableAgent())
            .WithMetadata(new AllowWithoutKeyAttribute());
        return app;
    }
}
