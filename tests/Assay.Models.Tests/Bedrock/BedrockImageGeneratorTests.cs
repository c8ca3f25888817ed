using Assay.FakeServer;
using Assay.Models.Tests.TestDoubles;
using Assay.Testing;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.Bedrock;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions.

/// <summary>Titan Image Generator and Nova Canvas over InvokeModel, against the fake server (which checks the body as Bedrock does).</summary>
public sealed class BedrockImageGeneratorTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    [Theory]
    [InlineData("bedrock:amazon.nova-canvas-v1:0")]
    [InlineData("bedrock:amazon.titan-image-generator-v2:0")]
    public async Task Generate_EachModel_PngOfTheAskedSizeAndCount(string model)
    {
        using var factory = CreateSut();
        var result = await factory.CreateImageGenerator(model).GenerateImagesAsync("a lighthouse at dusk", new ImageGenerationOptions { Count = 2, ImageSize = new System.Drawing.Size(512, 384) });

        Assert.Equal(2, result.Contents.Count);
        foreach (var image in result.Contents.Cast<DataContent>())
        {
            Assert.Equal("image/png", image.MediaType);
            var bytes = image.Data.ToArray();
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            Assert.Equal(512, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
            Assert.Equal(384, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        }
    }

    [Fact]
    public async Task Generate_Seed_SentAsGivenSoTheSameSeedGivesTheSameImage()
    {
        using var factory = CreateSut();
        var generator = factory.CreateImageGenerator("bedrock:amazon.titan-image-generator-v2:0");

        var first = await ImageAsync(generator, 42L);
        var again = await ImageAsync(generator, 42L);
        var other = await ImageAsync(generator, 7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Generate_CfgScaleAndQuality_SentToTheModel()
    {
        using var factory = CreateSut();
        var generator = factory.CreateImageGenerator("bedrock:amazon.nova-canvas-v1:0");

        await generator.GenerateImagesAsync("a pump", Options(("cfgScale", 6.5), ("quality", "premium")));

        // The fake server rejects what Bedrock rejects: out-of-range values only fail if they were sent.
        var scale = await Assert.ThrowsAnyAsync<AssayException>(() => generator.GenerateImagesAsync("a pump", Options(("cfgScale", 12.0))));
        Assert.Contains("cfgScale must be a number from 1.1 to 10", scale.Message, StringComparison.Ordinal);
        var quality = await Assert.ThrowsAnyAsync<AssayException>(() => generator.GenerateImagesAsync("a pump", Options(("quality", "ultra"))));
        Assert.Contains("quality must be standard or premium", quality.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ImageAsync(IImageGenerator generator, object seed)
    {
        var result = await generator.GenerateImagesAsync("a lighthouse at dusk", Options(("seed", seed)));
        return Assert.IsType<DataContent>(Assert.Single(result.Contents)).Data.ToArray();
    }

    private static ImageGenerationOptions Options(params (string Name, object Value)[] settings)
    {
        var options = new ImageGenerationOptions { Count = 1, ImageSize = new System.Drawing.Size(256, 256), AdditionalProperties = [] };
        foreach (var (name, value) in settings)
        {
            options.AdditionalProperties[name] = value;
        }

        return options;
    }

    private ModelFactory CreateSut() =>
        new(new ModelFactoryOptions
        {
            Environment = TestFactory.Environment(
            [
                ("AWS_ACCESS_KEY_ID", FakeServerCredentials.AwsAccessKeyId),
                ("AWS_SECRET_ACCESS_KEY", FakeServerCredentials.AwsSecretAccessKey),
                ("AWS_REGION", FakeServerCredentials.AwsRegion),
                ("ASSAY_BEDROCK_ENDPOINT", fixture.Server.BaseUrl.ToString()),
            ]),
            Resilience = new() { MaxAttempts = 1 },
        });
}
