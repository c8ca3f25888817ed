using System.Text.Json;
using Assay.Services.Configuration;
using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assay.Web.Studies;

/// <summary>
/// Starting migration studies on the server and following them: <c>POST /v1/studies/runs</c>
/// (202 with the run; 400 naming the study line and field; 409 when the running limit is
/// reached), <c>GET /v1/studies/runs</c> (this key's runs, newest first), <c>GET
/// /v1/studies/runs/{id}</c> (a snapshot, or with <c>Accept: text/event-stream</c> a
/// <c>progress</c> event per change and a final <c>done</c>), <c>DELETE</c> to cancel, and
/// <c>GET /v1/studies/samples</c> (the bundled studies). API key required, like every data route.
/// </summary>
internal static class StudyRunsApi
{
    public static IEndpointRouteBuilder MapStudyRunsApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ServicesOptions>();
        var group = app.MapGroup("/v1/studies").WithTags("Studies");
        group.MapGet("/samples", (StudySamples samples) => TypedResults.Ok(new SamplesResponse(samples.List())))
            .WithName("ListStudySamples").WithSummary("The bundled study files a run can start from (samples/*/*.yaml that read as migration studies).");
        group.MapPost("/runs", StartAsync)
            .WithName("StartStudyRun")
            .WithSummary("Starts a migration study on the server (multipart: 'sample' = a bundled study id, or 'study' = the study file or its text plus its data files as 'file'). Only offline models and models the server's config names may be called.")
            .WithMetadata(new BodySizeLimit(options.MaxDocumentBytes))
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/runs", (HttpContext context, StudyRunRegistry registry) => TypedResults.Ok(new RunsResponse([.. registry.List(context.Tenant()).Select(j => j.Snapshot())])))
            .WithName("ListStudyRuns").WithSummary("The study runs this API key started since the server started, newest first, with their progress.");
        group.MapGet("/runs/{id}", GetAsync)
            .WithName("GetStudyRun").WithSummary("A study run's progress: calls done of total per model, failures, evaluation stage, messages, the outcome and its report. With Accept: text/event-stream, 'progress' events until a final 'done'.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/runs/{id}", Cancel)
            .WithName("CancelStudyRun").WithSummary("Cancels a running study; the calls that finished stay in its run store.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Accepted<StudyJobView>> StartAsync(HttpContext context, StudyRunRegistry registry, StudySamples samples, StudyModelPolicy policy, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant();
        using var slot = registry.Reserve();
        var prepared = await StudyIntake.PrepareAsync(context.Request, registry, samples, policy, cancellationToken);
        var job = registry.Start(slot, tenant, prepared);
        return TypedResults.Accepted($"/v1/studies/runs/{Uri.EscapeDataString(job.Id)}", job.Snapshot());
    }

    internal static async Task<IResult> GetAsync(string id, HttpContext context, StudyRunRegistry registry, IOptions<JsonOptions> json, StudyRunSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = registry.Find(context.Tenant(), id);
        if (!context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(job.Snapshot());
        }

        await StudyRunEvents.WriteAsync(context, job.Snapshot, job.WaitForChangeAsync, json.Value.SerializerOptions, settings.ProgressInterval, time, cancellationToken);
        return TypedResults.Empty;
    }

    internal static Ok<StudyJobView> Cancel(string id, HttpContext context, StudyRunRegistry registry)
    {
        var job = registry.Find(context.Tenant(), id);
        job.Cancellation.Cancel();
        return TypedResults.Ok(job.Snapshot());
    }
}

internal sealed record SamplesResponse(IReadOnlyList<StudySample> Samples);

internal sealed record RunsResponse(IReadOnlyList<StudyJobView> Runs);
