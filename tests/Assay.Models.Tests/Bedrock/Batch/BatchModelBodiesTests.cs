using System.Text.Json;
using Assay.Models.Batch;
using Assay.Models.Bedrock.Batch;

namespace Assay.Models.Tests.Bedrock.Batch;

public class BatchModelBodiesTests
{
    private static readonly BatchRequest Request = new("R0000000001", "You are an assistant.", "Summarise: pump 4 tripped.", 300, 0.2f, 0.9f);

    [Theory]
    [InlineData("anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic")]
    [InlineData("us.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic")]
    [InlineData("amazon.nova-lite-v1:0", "nova")]
    [InlineData("eu.amazon.nova-pro-v1:0", "nova")]
    [InlineData("us.meta.llama3-3-70b-instruct-v1:0", "llama")]
    [InlineData("mistral.mistral-large-2402-v1:0", "mistral")]
    public void Family_ModelIdWithOrWithoutProfilePrefix_Recognised(string model, string family) =>
        Assert.Equal(family, BatchModelBodies.Family(model));

    [Fact]
    public void Family_OtherModel_RefusedNamingWhatBatchModeRuns()
    {
        var ex = Assert.Throws<AssayException>(() => BatchModelBodies.Family("cohere.command-r-v1:0"));
        Assert.Contains("bedrock:cohere.command-r-v1:0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("generation.mode: onDemand", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_Anthropic_MessagesApiBodyWithTheCallSettings()
    {
        var body = JsonDocument.Parse(BatchModelBodies.Request("anthropic", Request).ToJsonString()).RootElement;
        Assert.Equal("bedrock-2023-05-31", body.GetProperty("anthropic_version").GetString());
        Assert.Equal(300, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("You are an assistant.", body.GetProperty("system").GetString());
        Assert.Equal("Summarise: pump 4 tripped.", body.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 3);
    }

    [Fact]
    public void Request_Nova_MessagesV1WithInferenceConfig()
    {
        var body = JsonDocument.Parse(BatchModelBodies.Request("nova", Request).ToJsonString()).RootElement;
        Assert.Equal("messages-v1", body.GetProperty("schemaVersion").GetString());
        Assert.Equal("You are an assistant.", body.GetProperty("system")[0].GetProperty("text").GetString());
        Assert.Equal(300, body.GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32());
    }

    [Fact]
    public void Request_Llama_Llama3ChatTemplateAroundSystemAndUser()
    {
        var prompt = BatchModelBodies.Request("llama", Request)["prompt"]!.GetValue<string>();
        Assert.StartsWith("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are an assistant.<|eot_id|>", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Summarise: pump 4 tripped.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anthropic", """{"content":[{"type":"text","text":"Pump 4 "},{"type":"text","text":"tripped."}],"usage":{"input_tokens":31,"output_tokens":4}}""", "Pump 4 tripped.", 31, 4)]
    [InlineData("nova", """{"output":{"message":{"role":"assistant","content":[{"text":"Pump 4 tripped."}]}},"usage":{"inputTokens":29,"outputTokens":5,"totalTokens":34}}""", "Pump 4 tripped.", 29, 5)]
    [InlineData("llama", """{"generation":"Pump 4 tripped.","prompt_token_count":40,"generation_token_count":6,"stop_reason":"stop"}""", "Pump 4 tripped.", 40, 6)]
    [InlineData("mistral", """{"outputs":[{"text":"Pump 4 tripped.","stop_reason":"stop"}]}""", "Pump 4 tripped.", -1, -1)]
    public void Answer_EachFamilysOutput_TextAndTokens(string family, string json, string text, long input, long output)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal((text, input, output), BatchModelBodies.Answer(family, doc.RootElement));
    }

    [Theory]
    [InlineData("s3://my-bucket/assay/runs", "my-bucket", "assay/runs/")]
    [InlineData("s3://my-bucket", "my-bucket", "")]
    [InlineData("S3://my.bucket-2/p/", "my.bucket-2", "p/")]
    public void S3Location_Parse_BucketAndPrefixEndingInSlash(string uri, string bucket, string prefix) =>
        Assert.Equal(new S3Location(bucket, prefix), S3Location.Parse(uri, "batch.s3Uri"));

    [Theory]
    [InlineData("https://my-bucket/x")]
    [InlineData("s3://My_Bucket/x")]
    [InlineData("s3://ab/x")]
    public void S3Location_Parse_NotAnS3LocationRefusedNamingTheField(string uri)
    {
        var ex = Assert.Throws<AssayException>(() => S3Location.Parse(uri, "batch.s3Uri"));
        Assert.Contains("batch.s3Uri", ex.Message, StringComparison.Ordinal);
    }
}
