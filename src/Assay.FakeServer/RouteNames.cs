namespace Assay.FakeServer;

/// <summary>The names the counters and fault filters use for each route.</summary>
public static class RouteNames
{
    public const string OpenAiChat = "openai.chat";
    public const string OpenAiEmbeddings = "openai.embeddings";
    public const string OpenAiImages = "openai.images";
    public const string OpenAiModels = "openai.models";
    public const string BedrockConverse = "bedrock.converse";
    public const string BedrockConverseStream = "bedrock.converse-stream";
    public const string BedrockInvoke = "bedrock.invoke";
    public const string BedrockOptimizePrompt = "bedrock.optimize-prompt";
    public const string Unknown = "unknown";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OpenAiChat, OpenAiEmbeddings, OpenAiImages, OpenAiModels,
        BedrockConverse, BedrockConverseStream, BedrockInvoke, BedrockOptimizePrompt,
    };
}
