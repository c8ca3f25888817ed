using Assay.Web.Errors;
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
        group.MapGet("/", () => TypedResults.Ok(new StudiesResponse(folders.List())))
            .WithName("ListStudies").WithSummary("Migration study output folders on this server (ASSAY_STUDIES_DIR, else DATA_DIR/studies), newest first.");
        group.MapGet("/{study}/summary.json", (string study) => Serve(folders, study, "summary.json", "application/json; charset=utf-8"))
            .WithName("GetStudySummary").WithSummary("A study's summary.json (schema in src/Assay.Migration/Outputs/summary-schema.md).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{study}/report.html", (string study) => Serve(folders, study, "report.html", "text/html; charset=utf-8"))
            .WithName("GetStudyReport").WithSummary("A study's self-contained HTML report.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static PhysicalFileHttpResult Serve(StudyFolders folders, string study, string file, string contentType)
    {
        var path = folders.FileOf(study, file) ?? throw new NotFoundException($"Study '{study}' has no {file}: list the studies with GET /v1/studies.");
        return TypedResults.PhysicalFile(path, contentType);
    }
}

internal sealed record StudiesResponse(IReadOnlyList<StudyFolder> Studies);
