using System.ClientModel;
using System.ClientModel.Primitives;
using Assay.FakeServer.Options;
using Assay.FakeServer.Tests.Support;
using Assay.Testing;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Files;
using OpenAI.Images;

namespace Assay.FakeServer.Tests.Compatibility;

/// <summary>The official OpenAI .NET SDK (the client Assay's OpenAI-compatible provider uses) against the fake server.</summary>
public sealed class OpenAiSdkCompatibilityTests
{
    [Fact]
    public async Task ChatClient_CompleteChat_ParsesTextAndUsage()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = Client(harness).GetChatClient("gpt-4o-mini");

        ChatCompletion completion = await client.CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage("The SDK reads this. Not this.")]);

        Assert.Equal("The SDK reads this.", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(5, completion.Usage.OutputTokenCount);
        Assert.Equal(3 + 8, completion.Usage.InputTokenCount);
    }

    [Fact]
    public async Task ChatClient_CompleteChatStreaming_AssemblesTextAndReadsUsage()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = Client(harness).GetChatClient("gpt-4o-mini");

        var text = new System.Text.StringBuilder();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Streamed through the SDK. Rest.")], new ChatCompletionOptions()))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        Assert.Equal("Streamed through the SDK.", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.Equal(5, usage.OutputTokenCount);
    }

    [Fact]
    public async Task ChatClient_RateLimited_SurfacesStatus429()
    {
        await using var harness = await ServerHarness.StartAsync(new FakeServerOptions { Faults = new FaultOptions { RateLimit = 1 } });
        var client = Client(harness).GetChatClient("gpt-4o-mini");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("x")]));

        Assert.Equal(429, error.Status);
    }

    [Fact]
    public async Task EmbeddingClient_DefaultBase64Encoding_DecodesVectors()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = Client(harness).GetEmbeddingClient("text-embedding-3-small");

        OpenAIEmbeddingCollection embeddings = await client.GenerateEmbeddingsAsync(["first text", "second text"], new EmbeddingGenerationOptions { Dimensions = 32 });

        Assert.Equal(2, embeddings.Count);
        var vector = embeddings[0].ToFloats().ToArray();
        Assert.Equal(32, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 4);
        Assert.Equal(4, embeddings.Usage.InputTokenCount);
    }

    [Fact]
    public async Task ImageClient_GenerateImageBytes_ReturnsAPng()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = Client(harness).GetImageClient("gpt-image-1");

        GeneratedImage image = await client.GenerateImageAsync("a lighthouse", new ImageGenerationOptions { Size = GeneratedImageSize.W256xH256, ResponseFormat = GeneratedImageFormat.Bytes });

        Assert.Equal((256, 256), PngInfo.Read(image.ImageBytes.ToArray()));
    }

    [Fact]
    public async Task FileClient_UploadDownloadDelete_RoundTripsTheBytes()
    {
        await using var harness = await ServerHarness.StartAsync();
        var client = Client(harness).GetOpenAIFileClient();
        var content = BinaryData.FromString("{\"custom_id\":\"a\"}\n");

        OpenAIFile file = await client.UploadFileAsync(content, "requests.jsonl", FileUploadPurpose.Batch);
        OpenAIFile read = await client.GetFileAsync(file.Id);
        BinaryData downloaded = await client.DownloadFileAsync(file.Id);
        FileDeletionResult deleted = await client.DeleteFileAsync(file.Id);

        Assert.StartsWith("file-", file.Id, StringComparison.Ordinal);
        Assert.Equal("requests.jsonl", read.Filename);
        Assert.Equal(FilePurpose.Batch, read.Purpose);
        Assert.Equal(content.ToArray().Length, read.SizeInBytes);
        Assert.Equal(content.ToString(), downloaded.ToString());
        Assert.True(deleted.Deleted);
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => client.GetFileAsync(file.Id));
        Assert.Equal(404, missing.Status);
    }

    private static OpenAIClient Client(ServerHarness harness) => new(
        new ApiKeyCredential(FakeServerCredentials.OpenAiKey),
        new OpenAIClientOptions { Endpoint = harness.Server.OpenAiBaseUrl, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) });
}
