using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .WithName("Health").WithSummary("Liveness: answers without an API key and says nothing about the data.")
            .WithMetadata(new AllowWithoutKeyAttribute());
        return app;
    }

    internal static Ok<HealthResponse> GetHealth() => TypedResults.Ok(new HealthResponse("ok", AssayVersion.Current));
}

internal sealed record HealthResponse(string Status, string Version);
