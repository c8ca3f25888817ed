using System.Reflection;
using Assay.Services.Configuration;
using Assay.Web.Security;
using Assay.Web.Studies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Pages;

/// <summary>
/// The browser pages of <c>assay serve</c>: one shell (<c>/</c>) with plain HTML, CSS and a
/// small script, served from embedded resources (no build step, no CDN). The page files
/// carry no data and no secret, so they need no API key; everything they show comes from the
/// API with the key the user typed in (kept in sessionStorage).
/// </summary>
public static class PagesEndpoints
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["playground.js"] = "text/javascript; charset=utf-8",
        ["studies.js"] = "text/javascript; charset=utf-8",
        ["chat.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Asset("index.html")).ExcludeFromDescription().WithMetadata(new AllowWithoutKeyAttribute());
        app.MapGet("/ui/{file}", (string file) => Asset(file)).ExcludeFromDescription().WithMetadata(new AllowWithoutKeyAttribute());
        // The folder studies started on the server write to is the one listed (a host without it lists the default).
        var root = (app.ServiceProvider.GetService(typeof(StudyRunRegistry)) as StudyRunRegistry)?.Root
            ?? StudyFolders.DefaultRoot(app.ServiceProvider.GetService(typeof(ServicesOptions)) as ServicesOptions ?? new ServicesOptions());
        app.MapStudiesPagesApi(root);
        return app;
    }

    private static IResult Asset(string file)
    {
        if (!Assets.TryGetValue(file, out var contentType))
        {
            return TypedResults.NotFound();
        }

        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Assay.Web.Pages.wwwroot.{file}");
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(stream, contentType);
    }
}
