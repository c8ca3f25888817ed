namespace Assay.FakeServer.Tests.Support;

/// <summary>The four chat call shapes, so fault tests can run across all of them.</summary>
internal static class Calls
{
    public const string OpenAiJson = "openai-json";
    public const string OpenAiStream = "openai-stream";
    public const string BedrockJson = "bedrock-json";
    public const string BedrockStream = "bedrock-stream";

    public static HttpRequestMessage Create(string shape, string text = "Tell me something. Then more.") => shape switch
    {
        OpenAiJson => ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat(text)),
        OpenAiStream => ServerHarness.OpenAi("v1/chat/completions", ServerHarness.Chat(text, stream: true, includeUsage: true)),
        BedrockJson => ServerHarness.Bedrock("model/amazon.nova-lite-v1%3A0/converse", ServerHarness.Converse(text)),
        BedrockStream => ServerHarness.Bedrock("model/amazon.nova-lite-v1%3A0/converse-stream", ServerHarness.Converse(text)),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static bool IsOpenAi(string shape) => shape.StartsWith("openai", StringComparison.Ordinal);

    public static bool IsStream(string shape) => shape.EndsWith("stream", StringComparison.Ordinal);
}
