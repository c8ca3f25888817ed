using System.Text.Json.Serialization;
using Assay.Models;
using Assay.Services.Access;
using Assay.Services.Chat;
using Assay.Services.Embeddings;
using Assay.Services.Images;
using Assay.Services.Images.Storage;
using Assay.Services.Rag;
using Assay.Services.Summaries;
using Assay.Web.Apis;
using Assay.Web.Errors;
using Assay.Web.Pages;
using Assay.Web.Security;
using Assay.Web.Studies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assay.Web.Hosting;

/// <summary>
/// Builds the <c>assay serve</c> web application: Kestrel, ProblemDetails for every error,
/// API keys, body limits, the OpenAPI document at <c>/openapi/v1.json</c> and its reference
/// page at <c>/scalar</c> (<see cref="OpenApiSetup"/>), and one route group per service.
/// </summary>
public static class AssayServer
{
    public static WebApplication Build(ServerSettings settings)
    {
        var options = settings.Options;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxDocumentBytes, options.MaxJsonBodyBytes);
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        if (settings.ExtraLogger is not null)
        {
            builder.Logging.AddProvider(settings.ExtraLogger);
        }

        // Sensitive hosting detail (full request lines) stays out of the log at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        // Strict as the schema: enums as their names only ("mode": 99 is refused), numbers as numbers only.
        services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.Converters.Add(new StrictEnumConverter());
            j.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddAssayOpenApi();
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddSingleton(new ModelAccessPolicy(options));
        services.AddSingleton<IModelFactory>(sp => new TenantModelFactory(settings.Models, sp.GetRequiredService<ModelAccessPolicy>(), sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton(settings.Time);
        services.AddSingleton(new ApiKeyRegistry(options.ApiKeys));
        services.AddSingleton(new Credit.ScorecardCatalog(options));
        services.AddSingleton<EmbeddingService>();
        services.AddSingleton<RagService>();
        services.AddSingleton<SummaryService>();
        services.AddSingleton<ChatService>();
        services.AddSingleton<IImageStore>(sp => ImageStores.Create(options, settings.Time));
        services.AddSingleton<ImageService>();
        services.AddSingleton(settings.Studies);
        services.AddSingleton(new StudySamples(settings.Studies.SamplesDirectory));
        services.AddSingleton(sp => new StudyModelPolicy(sp.GetRequiredService<ModelAccessPolicy>()));
        services.AddSingleton(sp => new StudyJobRunner(settings.Models, settings.Time, sp.GetRequiredService<ILogger<StudyJobRunner>>()));
        services.AddSingleton(sp => new StudyRunRegistry(settings.Studies, settings.Studies.Directory ?? StudyFolders.DefaultRoot(options), sp.GetRequiredService<StudyJobRunner>(), settings.Time));

        PublicBaseUrl.Validate(options);
        var app = builder.Build();
        var studyRuns = app.Services.GetRequiredService<StudyRunRegistry>();
        app.Lifetime.ApplicationStopping.Register(studyRuns.CancelAll);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        // The key before the body size: a caller without a key learns nothing about the limits.
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<BodySizeLimitMiddleware>(options.MaxJsonBodyBytes);
        app.UseMiddleware<JsonTextGuardMiddleware>();
        app.MapAssayOpenApi();
        app.MapHealthApi();
        app.MapEmbeddingsApi();
        app.MapRagApi();
        app.MapSummariesApi();
        app.MapChatApi();
        app.MapImagesApi();
        app.MapCreditApi();
        app.MapStudyRunsApi();
        app.MapPages();
        return app;
    }

    /// <summary>The addresses Kestrel listens on once started (resolves port 0).</summary>
    public static IReadOnlyList<string> Addresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
