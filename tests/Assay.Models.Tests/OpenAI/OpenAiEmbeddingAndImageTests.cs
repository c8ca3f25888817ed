using Assay.FakeServer;
using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Assay.Testing;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.OpenAI;

/// <summary>OpenAI-compatible embeddings and images over real HTTP against the fake server.</summary>
public sealed class OpenAiEmbeddingAndImageTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    private FakeModelServer Server => fixture.Server;

    [Fact]
    public async Task Embeddings_BatchInOrderWithReportedTokensAndCost()
    {
        using var factory = CreateSut();
        var generator = factory.CreateEmbeddingGenerator("openai:text-embedding-3-small");

        var result = await generator.GenerateAsync(["alpha beta", "gamma delta", "alpha beta"], new EmbeddingGenerationOptions { Dimensions = 64 });
        var metrics = result.GetCallMetrics()!;

        Assert.Equal(3, result.Count);
        Assert.All(result, e => Assert.Equal(64, e.Vector.Length));
        Assert.Equal(result[0].Vector.ToArray(), result[2].Vector.ToArray());
        Assert.NotEqual(result[0].Vector.ToArray(), result[1].Vector.ToArray());
        Assert.False(metrics.TokensEstimated);
        Assert.True(metrics.InputTokens > 0);
        Assert.Equal(metrics.InputTokens * 0.00002m / 1000m, metrics.CostUsd);
    }

#pragma warning disable MEAI001
    [Fact]
    public async Task Images_ReturnsPngBytes()
    {
        using var factory = CreateSut();
        var generator = factory.CreateImageGenerator($"openai-compatible:{Server.OpenAiBaseUrl}#gpt-image-1");

        var result = await generator.GenerateImagesAsync("a red bicycle", new ImageGenerationOptions { Count = 2 });

        Assert.Equal(2, result.Contents.Count);
        var image = Assert.IsType<DataContent>(result.Contents[0]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image.Data.ToArray()[..4]);
    }
#pragma warning restore MEAI001

    private ModelFactory CreateSut() => new(new ModelFactoryOptions
    {
        Environment = TestFactory.Environment(("OPENAI_API_KEY", FakeServerCredentials.OpenAiKey), ("OPENAI_BASE_URL", Server.OpenAiBaseUrl.ToString())),
    });
}
