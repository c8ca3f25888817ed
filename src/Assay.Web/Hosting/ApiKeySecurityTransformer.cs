using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Assay.Web.Hosting;

/// <summary>Declares the API-key scheme in the OpenAPI document, so clients generated from it send the key.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An Assay API key: 'Authorization: Bearer KEY' (or the X-Api-Key header). Every route but GET /health, this document and the reference page at /scalar needs one.",
        };
        document.Info.Title = "Assay generative-AI services";
        return Task.CompletedTask;
    }
}
