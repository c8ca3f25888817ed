using System.ClientModel;
using System.ClientModel.Primitives;
using Assay.Models.Batch;
using Assay.Models.Factory;
using Assay.Models.OpenAI.Batch;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Images;

namespace Assay.Models.OpenAI;

/// <summary>
/// <c>openai:MODEL</c> (OpenAI itself: key in OPENAI_API_KEY, endpoint https://api.openai.com/v1
/// or OPENAI_BASE_URL) and <c>openai-compatible:URL#MODEL</c> (Azure OpenAI v1, Ollama, vLLM,
/// llama.cpp server, LM Studio: key in ASSAY_OPENAI_COMPATIBLE_API_KEY, or none). Chat,
/// embeddings and images all go through the OpenAI SDK over the factory's shared HttpClient,
/// with the SDK's own retries, logging and tracing off: the resilience decorator retries (so
/// attempts are counted once) and the factory's pipeline traces and logs each call once.
/// </summary>
internal sealed class OpenAiProvider(string name, ProviderContext context) : IModelProvider
{
    public const string OpenAiKeyVariable = "OPENAI_API_KEY";
    public const string OpenAiBaseUrlVariable = "OPENAI_BASE_URL";
    public const string CompatibleKeyVariable = "ASSAY_OPENAI_COMPATIBLE_API_KEY";

    // Servers without keys (Ollama, llama.cpp) ignore the header; the SDK requires some credential.
    private const string NoKey = "no-key";

    private static readonly Uri OpenAiEndpoint = new("https://api.openai.com/v1");

    public string Name => name;

    public IChatClient CreateChatClient(ModelId id)
    {
        var (credential, options, endpoint) = Connection(id, out _);
        return new OpenAiChatClient(new ChatClient(id.Name, credential, options), id.ToString(), endpoint);
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id)
    {
        var (credential, options, endpoint) = Connection(id, out _);
        return new OpenAiEmbeddingGenerator(new EmbeddingClient(id.Name, credential, options), id.ToString(), endpoint);
    }

#pragma warning disable MEAI001
    public IImageGenerator CreateImageGenerator(ModelId id)
    {
        var (credential, options, endpoint) = Connection(id, out _);
        return new OpenAiImageGenerator(new ImageClient(id.Name, credential, options), id.ToString(), endpoint);
    }
#pragma warning restore MEAI001

    public IBatchInference CreateBatchInference(ModelId id, BatchStorage storage)
    {
        var (_, _, endpoint) = Connection(id, out var key);
        return new OpenAiBatchInference(context.Http, endpoint, key, id.Name, id.ToString(), officialOpenAi: id.BaseUrl is null);
    }

    private (ApiKeyCredential Credential, OpenAIClientOptions Options, Uri Endpoint) Connection(ModelId id, out string key)
    {
        Uri endpoint;
        if (id.BaseUrl is not null)
        {
            endpoint = id.BaseUrl;
            key = context.Environment(CompatibleKeyVariable) is { Length: > 0 } k ? k : NoKey;
        }
        else
        {
            var baseUrl = context.Environment(OpenAiBaseUrlVariable);
            if (string.IsNullOrWhiteSpace(baseUrl))
            {
                endpoint = OpenAiEndpoint;
            }
            else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out endpoint!) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new AssayException($"{OpenAiBaseUrlVariable} is not an http(s) URL: set it to the endpoint's base, e.g. https://api.openai.com/v1, or unset it.");
            }

            key = context.Environment(OpenAiKeyVariable) ?? string.Empty;
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new AssayException($"Model '{id}' needs an OpenAI API key: set {OpenAiKeyVariable} (or call a keyless server with openai-compatible:URL#model).");
            }
        }

        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(context.Http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The resilience decorator limits each attempt; a second timer per call here cost CPU and added nothing.
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false },
            EnableDistributedTracing = false,
        };
        options.AddPolicy(ServerLatencyPolicy.Instance, PipelinePosition.BeforeTransport);
        return (new ApiKeyCredential(key), options, endpoint);
    }
}
