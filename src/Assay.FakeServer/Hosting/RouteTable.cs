using Assay.FakeServer.Counters;
using Assay.FakeServer.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Assay.FakeServer.Hosting;

/// <summary>Every route the fake server answers, with the name its counters use.</summary>
internal static class RouteTable
{
    public static IReadOnlyList<(string Method, string Path, string Name)> Routes { get; } =
    [
        ("POST", "/v1/chat/completions", RouteNames.OpenAiChat),
        ("POST", "/v1/embeddings", RouteNames.OpenAiEmbeddings),
        ("POST", "/v1/images/generations", RouteNames.OpenAiImages),
        ("GET", "/v1/models", RouteNames.OpenAiModels),
        ("POST", "/model/{modelId}/converse", RouteNames.BedrockConverse),
        ("POST", "/model/{modelId}/converse-stream", RouteNames.BedrockConverseStream),
        ("POST", "/model/{modelId}/invoke", RouteNames.BedrockInvoke),
        ("POST", "/optimize-prompt", RouteNames.BedrockOptimizePrompt),
    ];

    public static void Map(IEndpointRouteBuilder app, ServerRuntime runtime)
    {
        Post(app, runtime, "/v1/chat/completions", RouteNames.OpenAiChat, OpenAiChatRoute.HandleAsync);
        Post(app, runtime, "/model/{modelId}/converse", RouteNames.BedrockConverse, BedrockConverseRoute.HandleAsync);
        Post(app, runtime, "/model/{modelId}/converse-stream", RouteNames.BedrockConverseStream, BedrockConverseStreamRoute.HandleAsync);
        Post(app, runtime, "/model/{modelId}/invoke", RouteNames.BedrockInvoke, BedrockInvokeRoute.HandleAsync);
        Post(app, runtime, "/optimize-prompt", RouteNames.BedrockOptimizePrompt, BedrockOptimizePromptRoute.HandleAsync);
        Post(app, runtime, "/v1/embeddings", RouteNames.OpenAiEmbeddings, OpenAiEmbeddingsRoute.HandleAsync);
        Post(app, runtime, "/v1/images/generations", RouteNames.OpenAiImages, OpenAiImagesRoute.HandleAsync);
        app.MapGet("/v1/models", RouteRunner.Wrap(runtime, RouteNames.OpenAiModels, OpenAiModelsRoute.HandleAsync));
        app.Map("/{**path}", RouteRunner.Wrap(runtime, RouteNames.Unknown, NotFoundAsync));
    }

    private static void Post(IEndpointRouteBuilder app, ServerRuntime runtime, string pattern, string name, Func<Exchange, Task> handler) =>
        app.MapPost(pattern, RouteRunner.Wrap(runtime, name, handler));

    private static async Task NotFoundAsync(Exchange exchange)
    {
        exchange.End(RequestOutcome.NotFound);
        var path = exchange.Http.Request.Path.Value ?? "/";
        var routes = string.Join(", ", Routes.Select(r => $"{r.Method} {r.Path}"));
        var message = $"The Assay fake server has no route {exchange.Http.Request.Method} {path}; it serves {routes}.";
        await OpenAiErrors.WriteAsync(exchange, 404, message, "invalid_request_error", "unknown_url");
    }
}
