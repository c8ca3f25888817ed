using Assay.Services.Summaries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

internal static class SummariesApi
{
    public static IEndpointRouteBuilder MapSummariesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/summaries", SummarizeAsync)
            .WithName("SummarizeIncident").WithTags("Summaries")
            .WithSummary("An organised summary of an incident report (equipment, location, problem, actions taken, next steps, urgency) and a text summary, optionally in N lines.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }

    internal static async Task<Ok<IncidentSummary>> SummarizeAsync(SummaryBody body, SummaryService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SummarizeAsync(new SummaryRequest(body.Text ?? string.Empty, body.Lines), cancellationToken));
}

internal sealed record SummaryBody(string? Text, int? Lines);
