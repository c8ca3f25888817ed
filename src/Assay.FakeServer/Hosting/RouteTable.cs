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
        ("POST", "/model-invocation-job", RouteNames.BedrockBatchCreate),
        ("GET", "/model-invocation-job/{jobIdentifier}", RouteNames.BedrockBatchGet),
        ("POST", "/model-invocation-job/{jobIdentifier}/stop", RouteNames.BedrockBatchStop),
        ("GET", "/model-invocation-jobs", RouteNames.BedrockBatchList),
        ("POST", "/v1/files", RouteNames.OpenAiFileUpload),
        ("GET", "/v1/files/{fileId}", RouteNames.OpenAiFileGet),
        ("GET", "/v1/files/{fileId}/content", RouteNames.OpenAiFileContent),
        ("DELETE", "/v1/files/{fileId}", RouteNames.OpenAiFileDelete),
        ("POST", "/v1/batches", RouteNames.OpenAiBatchCreate),
        ("GET", "/v1/batches/{batchId}", RouteNames.OpenAiBatchGet),
        ("POST", "/v1/batches/{batchId}/cancel", RouteNames.OpenAiBatchCancel),
        ("GET", "/v1/batches", RouteNames.OpenAiBatchList),
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
        Get(app, runtime, "/v1/models", RouteNames.OpenAiModels, OpenAiModelsRoute.HandleAsync);
        Post(app, runtime, "/model-invocation-job", RouteNames.BedrockBatchCreate, BedrockBatchCreateRoute.HandleAsync);
        Get(app, runtime, "/model-invocation-job/{jobIdentifier}", RouteNames.BedrockBatchGet, BedrockBatchGetRoute.HandleAsync);
        Post(app, runtime, "/model-invocation-job/{jobIdentifier}/stop", RouteNames.BedrockBatchStop, BedrockBatchStopRoute.HandleAsync);
        Get(app, runtime, "/model-invocation-jobs", RouteNames.BedrockBatchList, BedrockBatchListRoute.HandleAsync);
        Post(app, runtime, "/v1/files", RouteNames.OpenAiFileUpload, OpenAiFileUploadRoute.HandleAsync);
        Get(app, runtime, "/v1/files/{fileId}", RouteNames.OpenAiFileGet, OpenAiFileGetRoute.HandleAsync);
        Get(app, runtime, "/v1/files/{fileId}/content", RouteNames.OpenAiFileContent, OpenAiFileContentRoute.HandleAsync);
        app.MapDelete("/v1/files/{fileId}", RouteRunner.Wrap(runtime, RouteNames.OpenAiFileDelete, OpenAiFileDeleteRoute.HandleAsync));
        Post(app, runtime, "/v1/batches", RouteNames.OpenAiBatchCreate, OpenAiBatchCreateRoute.HandleAsync);
        Get(app, runtime, "/v1/batches/{batchId}", RouteNames.OpenAiBatchGet, OpenAiBatchGetRoute.HandleAsync);
        Post(app, runtime, "/v1/batches/{batchId}/cancel", RouteNames.OpenAiBatchCancel, OpenAiBatchCancelRoute.HandleAsync);
        Get(app, runtime, "/v1/batches", RouteNames.OpenAiBatchList, OpenAiBatchListRoute.HandleAsync);
        app.Map("/{**path}", RouteRunner.Wrap(runtime, RouteNames.Unknown, NotFoundAsync));
    }

    private static void Post(IEndpointRouteBuilder app, ServerRuntime runtime, string pattern, string name, Func<Exchange, Task> handler) =>
        app.MapPost(pattern, RouteRunner.Wrap(runtime, name, handler));

    private static void Get(IEndpointRouteBuilder app, ServerRuntime runtime, string pattern, string name, Func<Exchange, Task> handler) =>
        app.MapGet(pattern, RouteRunner.Wrap(runtime, name, handler));

    private static async Task NotFoundAsync(Exchange exchange)
    {
        exchange.End(RequestOutcome.NotFound);
        var path = exchange.Http.Request.Path.Value ?? "/";
        var routes = string.Join(", ", Routes.Select(r => $"{r.Method} {r.Path}"));
        var message = $"The Assay fake server has no route {exchange.Http.Request.Method} {path}; it serves {routes}.";
        await OpenAiErrors.WriteAsync(exchange, 404, message, "invalid_request_error", "unknown_url");
    }
}
