using Assay.Models;
using Assay.Models.Batch;
using Assay.Models.Bedrock;
using Assay.Models.Catalog;
using Assay.Models.Tokenization;
using Assay.Services.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Assay.Web.Security;

/// <summary>
/// The model factory the services get inside <c>assay serve</c>: before any client is made, the
/// request's tenant must be allowed the model (<see cref="ModelAccessPolicy"/>), else 403. It sits
/// in front of every model the services call (a request's <c>model</c> field, the configured
/// defaults, an index's embedding model), so no route can forget the check.
/// </summary>
internal sealed class TenantModelFactory(IModelFactory inner, ModelAccessPolicy policy, IHttpContextAccessor requests) : IModelFactory
{
    public IChatClient CreateChatClient(string modelId)
    {
        Check(modelId);
        return inner.CreateChatClient(modelId);
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId)
    {
        Check(modelId);
        return inner.CreateEmbeddingGenerator(modelId);
    }

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.
    public IImageGenerator CreateImageGenerator(string modelId)
#pragma warning restore MEAI001
    {
        Check(modelId);
        return inner.CreateImageGenerator(modelId);
    }

    public IBatchInference CreateBatchInference(string modelId, BatchStorage storage)
    {
        Check(modelId);
        return inner.CreateBatchInference(modelId, storage);
    }

    public ITokenCounter? Tokens => inner.Tokens;

    public PriceCatalog? Prices => inner.Prices;

    public Task<OptimizedPrompt> OptimizePromptAsync(string prompt, string targetModelId, CancellationToken cancellationToken = default)
    {
        Check("bedrock:" + targetModelId);
        return inner.OptimizePromptAsync(prompt, targetModelId, cancellationToken);
    }

    private void Check(string modelId)
    {
        var context = requests.HttpContext;
        var tenant = context is null ? null : context.Items[ApiKeyMiddleware.TenantItem] as string;
        policy.Check(tenant, modelId);
    }
}
