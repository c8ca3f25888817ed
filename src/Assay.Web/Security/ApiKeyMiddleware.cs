using Microsoft.AspNetCore.Http;

namespace Assay.Web.Security;

/// <summary>
/// Requires an API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>) on every
/// route except <c>GET /health</c> and routes that carry their own signature (expiring image
/// links). Answers 401 ProblemDetails otherwise. The key is never logged or echoed.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRegistry keys)
{
    public const string TenantItem = "assay.tenant";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<AllowWithoutKeyAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var tenant = keys.TenantOf(PresentedKey(context.Request));
        if (tenant is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"assay\"";
            await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: "Send a valid API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.").ExecuteAsync(context);
            return;
        }

        context.Items[TenantItem] = tenant;
        await next(context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }
}

/// <summary>Marks a route that needs no API key (health, signed links).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class AllowWithoutKeyAttribute : Attribute;

internal static class TenantExtensions
{
    /// <summary>The tenant of the request's API key (set by <see cref="ApiKeyMiddleware"/>).</summary>
    public static string Tenant(this HttpContext context) =>
        context.Items[ApiKeyMiddleware.TenantItem] as string ?? throw new InvalidOperationException("No tenant: the route was mapped without the API key middleware.");
}
