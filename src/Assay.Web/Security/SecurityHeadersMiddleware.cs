using Microsoft.AspNetCore.Http;

namespace Assay.Web.Security;

/// <summary>
/// Security headers on every response, set before the handler runs so errors and streams carry
/// them too. The pages may run only the server's own scripts and styles (no inline code); an
/// API answer may load nothing; nothing may be framed by another site.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly string ReportScriptSources = string.Join(' ', Assay.Migration.Outputs.ReportScripts.CspSources);

    // Scripts: only the pages' own files, and a study report's own inline review script by its hash.
    // Inline styles and blob: frames are allowed because a study report opens in a blob: frame, which
    // inherits this policy, and draws its charts with inline styles.
    public static readonly string PagesPolicy = $"default-src 'self'; script-src 'self' {ReportScriptSources}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Study reports are self-contained HTML with their own inline styles (charts) and the review script, allowed by its hash.</summary>
    public static readonly string ReportPolicy = $"default-src 'none'; script-src {ReportScriptSources}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // At OnStarting: the exception handler clears headers set earlier when it writes its ProblemDetails.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var path = context.Request.Path;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = path == "/" || path.StartsWithSegments("/ui") ? PagesPolicy
            : path.Value?.EndsWith("/report.html", StringComparison.Ordinal) == true ? ReportPolicy
            : ApiPolicy;
        headers.XFrameOptions = "SAMEORIGIN";
    }
}
