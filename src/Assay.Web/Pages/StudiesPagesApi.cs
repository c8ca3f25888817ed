using Assay.Web.Errors;
using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Pages;

/// <summary>Lists study output folders and serves their summary.json and report.html (API key required, like every data route).</summary>
internal static class StudiesPagesApi
{
    public static IEndpointRouteBuilder MapStudiesPagesApi(this IEndpointRouteBuilder app, string root)
    {
        var folders = new StudyFolders(root);
        var group = app.MapGroup("/v1/studies").WithTags("Studies");
        group.MapGet("/", (HttpContext context) => TypedResults.Ok(new StudiesResponse(folders.List(context.Tenant()))))
            .WithName("ListStudies").WithSummary("The migration studies this API key can see: its own started on the server, then the shared ones in the studies folder; each newest first.");
        group.MapGet("/{study}/summary.json", (string study, HttpContext context) => Serve(folders, context.Tenant(), study, "summary.json", "application/json; charset=utf-8"))
            .WithName("GetStudySummary").WithSummary("A study's summary.json (schema in src/Assay.Migration/Outputs/summary-schema.md).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{study}/report.html", (string study, HttpContext context) => Serve(folders, context.Tenant(), study, "report.html", "text/html; charset=utf-8"))
            .WithName("GetStudyReport").WithSummary("A study's self-contained HTML report.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static PhysicalFileHttpResult Serve(StudyFolders folders, string tenant, string study, string file, string contentType)
    {
        var path = folders.FileOf(tenant, study, file) ?? throw new NotFoundException($"Study '{study}' has no {file}: list the studies with GET /v1/studies.");
        return TypedResults.PhysicalFile(path, contentType);
    }
}

internal sealed record StudiesResponse(IReadOnlyList<StudyFolder> Studies);
