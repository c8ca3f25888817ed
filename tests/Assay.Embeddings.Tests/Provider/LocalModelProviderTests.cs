using Assay.Embeddings.Provider;
using Assay.Models;
using Microsoft.Extensions.AI;

namespace Assay.Embeddings.Tests.Provider;

public sealed class LocalModelProviderTests
{
    private static LocalModelProvider CreateSut()
    {
        ReferenceData.Model();
        return new LocalModelProvider();
    }

    [Fact]
    public async Task GenerateAsync_TwoTexts_Returns512DimensionVectorsWithTokenCounts()
    {
        using var generator = CreateSut().CreateEmbeddingGenerator(ModelId.Parse("local:use-lite"));

        var result = await generator.GenerateAsync(["Hello world", "The loan was approved after the credit check."]);

        Assert.Equal(2, result.Count);
        Assert.All(result, e => Assert.Equal(512, e.Vector.Length));
        Assert.All(result, e => Assert.Equal("local:use-lite", e.ModelId));
        var tokens = result.Select(e => Convert.ToInt32(e.AdditionalProperties!["input_tokens"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(tokens[0] > 0 && tokens[1] > tokens[0]);
        Assert.Equal(tokens.Sum(), result.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task GenerateAsync_TextLongerThan128Tokens_IsMarkedTruncated()
    {
        using var generator = CreateSut().CreateEmbeddingGenerator(ModelId.Parse("local:use-lite"));

        var result = await generator.GenerateAsync([string.Join(' ', Enumerable.Repeat("word", 200))]);

        Assert.Equal(true, result[0].AdditionalProperties!["truncated"]);
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionCount_ThrowsAssayException()
    {
        using var generator = CreateSut().CreateEmbeddingGenerator(ModelId.Parse("local:use-lite"));

        var error = await Assert.ThrowsAsync<AssayException>(() => generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 256 }));

        Assert.Contains("512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_Metadata_NamesProviderModelAndDimensions()
    {
        using var generator = CreateSut().CreateEmbeddingGenerator(ModelId.Parse("local:use-lite"));

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("local", metadata!.ProviderName);
        Assert.Equal("local:use-lite", metadata.DefaultModelId);
        Assert.Equal(512, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void CreateEmbeddingGenerator_UnknownLocalModel_ThrowsNamingTheAvailableOne()
    {
        var error = Assert.Throws<AssayException>(() => new LocalModelProvider().CreateEmbeddingGenerator(ModelId.Parse("local:bert")));

        Assert.Contains("local:use-lite", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
    }

    [Fact]
    public void CreateChatClientAndImageGenerator_LocalProvider_ThrowBecauseItOnlyEmbeds()
    {
        var sut = new LocalModelProvider();

        Assert.Contains("only embeds", Assert.Throws<AssayException>(() => sut.CreateChatClient(ModelId.Parse("local:use-lite"))).Message, StringComparison.Ordinal);
#pragma warning disable MEAI001
        Assert.Contains("only embeds", Assert.Throws<AssayException>(() => sut.CreateImageGenerator(ModelId.Parse("local:use-lite"))).Message, StringComparison.Ordinal);
#pragma warning restore MEAI001
        Assert.Equal("local", sut.Name);
    }

    [Fact]
    public void CreateEmbeddingGenerator_CacheWithoutTheModel_ThrowsSetupMissingNamingSetupScript()
    {
        var emptyCache = Directory.CreateTempSubdirectory("assay-empty-cache-").FullName;
        try
        {
            var error = Assert.Throws<AssayException>(() => new LocalModelProvider(emptyCache).CreateEmbeddingGenerator(ModelId.Parse("local:use-lite")));

            Assert.Equal(ExitCodes.SetupMissing, error.ExitCode);
            Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyCache, recursive: true);
        }
    }
}
