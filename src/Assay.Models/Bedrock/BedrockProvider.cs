using Amazon.Runtime;
using Amazon.S3;
using Assay.Models.Batch;
using Assay.Models.Bedrock.Batch;
using Assay.Models.Factory;
using Microsoft.Extensions.AI;

namespace Assay.Models.Bedrock;

/// <summary>
/// <c>bedrock:MODEL</c>: Converse / ConverseStream for chat, InvokeModel for Titan Text
/// Embeddings and for Titan Image / Nova Canvas. Endpoint: the factory option, else
/// ASSAY_BEDROCK_ENDPOINT (the fake server), else https://bedrock-runtime.REGION.amazonaws.com.
/// </summary>
internal sealed class BedrockProvider(ProviderContext context) : IModelProvider
{
    public const string EndpointVariable = "ASSAY_BEDROCK_ENDPOINT";

    public string Name => "bedrock";

    public IChatClient CreateChatClient(ModelId id) => new BedrockChatClient(Connect(id, "bedrock-runtime"), id.Name, id.ToString());

    public IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelId id)
    {
        if (!id.Name.Contains("embed", StringComparison.OrdinalIgnoreCase))
        {
            throw new AssayException($"Model '{id}' is not an embedding model: use e.g. 'bedrock:amazon.titan-embed-text-v2:0'.");
        }

        return new BedrockEmbeddingGenerator(Connect(id, "bedrock-runtime"), id.Name, id.ToString());
    }

#pragma warning disable MEAI001
    public IImageGenerator CreateImageGenerator(ModelId id)
    {
        if (!id.Name.Contains("image", StringComparison.OrdinalIgnoreCase) && !id.Name.Contains("canvas", StringComparison.OrdinalIgnoreCase))
        {
            throw new AssayException($"Model '{id}' is not an image model: use 'bedrock:amazon.titan-image-generator-v2:0' or 'bedrock:amazon.nova-canvas-v1:0'.");
        }

        return new BedrockImageGenerator(Connect(id, "bedrock-runtime"), id.Name, id.ToString());
    }
#pragma warning restore MEAI001

    /// <summary>The prompt optimizer (bedrock-agent-runtime), with the same credentials and endpoint override.</summary>
    public BedrockPromptOptimizer CreatePromptOptimizer() =>
        new(Connect(ModelId.Parse("bedrock:prompt-optimizer"), "bedrock-agent-runtime"));

    /// <summary>
    /// Batch inference: the control plane (<c>bedrock</c>, or ASSAY_BEDROCK_ENDPOINT) and S3 for the
    /// job's files (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else AWS). S3 needs AWS
    /// credentials; a Bedrock API key alone does not reach it.
    /// </summary>
    public IBatchInference CreateBatchInference(ModelId id, BatchStorage storage)
    {
        var root = S3Location.Parse(storage.S3Uri ?? throw new AssayException($"Model '{id}' in batch mode needs batch.s3Uri (s3://BUCKET/PREFIX/, where the job's input and output are kept)."), "batch.s3Uri");
        var role = storage.RoleArn is { Length: > 0 } r && r.StartsWith("arn:", StringComparison.Ordinal)
            ? r
            : throw new AssayException($"Model '{id}' in batch mode needs batch.roleArn, the ARN of the service role Bedrock uses to read and write {root} (arn:aws:iam::ACCOUNT:role/NAME).");
        var control = Connect(id, "bedrock");
        var aws = BedrockCredentials.Resolve(name => name == BedrockCredentials.BearerVariable ? null : context.Environment(name), id + " (S3 for batch inference)").Aws!;
        var config = new AmazonS3Config { AuthenticationRegion = control.Region };
        if (new[] { context.Environment("AWS_ENDPOINT_URL_S3"), context.Environment("AWS_ENDPOINT_URL") }.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) is { } s3Url)
        {
            config.ServiceURL = s3Url;
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(control.Region);
        }

        AWSCredentials credentials = string.IsNullOrEmpty(aws.Token) ? new BasicAWSCredentials(aws.AccessKey, aws.SecretKey) : new SessionAWSCredentials(aws.AccessKey, aws.SecretKey, aws.Token);
        var s3 = new AmazonS3Client(credentials, config);
        return new BedrockBatchInference(control, s3, id.Name, id.ToString(), root, role);
    }

    private BedrockConnection Connect(ModelId id, string service)
    {
        var region = new[] { context.Options.BedrockRegion, context.Environment("AWS_REGION"), context.Environment("AWS_DEFAULT_REGION") }
            .FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)) ?? "us-east-1";
        var endpoint = context.Options.BedrockEndpoint;
        if (endpoint is null && context.Environment(EndpointVariable) is { Length: > 0 } configured)
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new AssayException($"{EndpointVariable} is '{configured}', not an http(s) URL: set it to the endpoint's base, e.g. http://127.0.0.1:8787, or unset it.");
            }
        }

        endpoint ??= new Uri($"https://{service}.{region}.amazonaws.com/");
        if (!endpoint.AbsoluteUri.EndsWith('/'))
        {
            endpoint = new Uri(endpoint.AbsoluteUri + "/");
        }

        var credentials = BedrockCredentials.Resolve(context.Environment, id.ToString());
        return new BedrockConnection(context.Http, endpoint, region, credentials, context.Time);
    }
}
