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
    public const string BedrockBatchCreate = "bedrock.batch-create";
    public const string BedrockBatchGet = "bedrock.batch-get";
    public const string BedrockBatchStop = "bedrock.batch-stop";
    public const string BedrockBatchList = "bedrock.batch-list";
    public const string OpenAiFileUpload = "openai.file-upload";
    public const string OpenAiFileGet = "openai.file-get";
    public const string OpenAiFileContent = "openai.file-content";
    public const string OpenAiFileDelete = "openai.file-delete";
    public const string OpenAiBatchCreate = "openai.batch-create";
    public const string OpenAiBatchGet = "openai.batch-get";
    public const string OpenAiBatchCancel = "openai.batch-cancel";
    public const string OpenAiBatchList = "openai.batch-list";
    public const string Unknown = "unknown";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OpenAiChat, OpenAiEmbeddings, OpenAiImages, OpenAiModels,
        BedrockConverse, BedrockConverseStream, BedrockInvoke, BedrockOptimizePrompt,
        BedrockBatchCreate, BedrockBatchGet, BedrockBatchStop, BedrockBatchList,
        OpenAiFileUpload, OpenAiFileGet, OpenAiFileContent, OpenAiFileDelete,
        OpenAiBatchCreate, OpenAiBatchGet, OpenAiBatchCancel, OpenAiBatchList,
    };
}
