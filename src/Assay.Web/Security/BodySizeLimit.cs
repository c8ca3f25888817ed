using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Assay.Web.Security;

/// <summary>Endpoint metadata: the largest body this route accepts, in bytes.</summary>
internal sealed record BodySizeLimit(long Bytes);

/// <summary>
/// Applies each route's body limit (JSON routes a small one, document upload a larger one):
/// a declared Content-Length over the limit is refused at once; a chunked body is cut off by
/// Kestrel when it passes the limit. Both end as 413 ProblemDetails.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, long defaultLimit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? defaultLimit;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"This route accepts at most {limit:N0} bytes; the request declared {context.Request.ContentLength:N0}.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
