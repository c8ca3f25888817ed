using Assay.Migration.Study;
using Assay.Services.Access;
using Assay.Services.Configuration;
using Assay.Web.Studies;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Studies;

/// <summary>Which models and files a study started on the server may use.</summary>
public sealed class StudyModelPolicyTests
{
    private static readonly string Folder = Path.Combine(StudyFiles.SamplesDir, "incidents");

    private static Study Parse(string candidateModel, string extra = "", string metrics = "[rouge]") => StudyLoader.Parse(
        $$"""
        name: policy
        dataset:
          path: incidents.csv
        source:
          model: replay:source-recording.csv
          prompt: "Read the incident report below.\n{context}\nSummarise it in two sentences for the operations manager."
        candidates:
          - name: cand
            model: {{candidateModel}}
            prompt: "Summarise:\n{context}"
        metrics: {{metrics}}
        {{extra}}
        """,
        Path.Combine(Folder, "policy.yaml"));

    private static StudyModelPolicy Policy(Action<ServicesOptions>? configure = null, params string[] allowed)
    {
        var options = new ServicesOptions();
        configure?.Invoke(options);
        foreach (var entry in allowed)
        {
            options.AllowedModels.Add(entry);
        }

        return new StudyModelPolicy(new ModelAccessPolicy(options));
    }

    [Theory]
    [InlineData("extractive:lead-2")]
    [InlineData("extractive:textrank-3")]
    public void Check_OfflineModels_Allowed(string model) => Policy().Check(Parse(model), "acme");

    [Fact]
    public void Check_OpenAiCompatibleEndpointTheConfigNames_AllowsItsOtherModels()
    {
        var policy = Policy(o => o.Chat.Model = "openai-compatible:http://127.0.0.1:11434/v1#llama3.1");
        policy.Check(Parse("openai-compatible:http://127.0.0.1:11434/v1/#qwen2.5"), "acme");
        var error = Assert.Throws<ModelNotAllowedException>(() => policy.Check(Parse("openai-compatible:http://127.0.0.1:9999/v1#llama3.1"), "acme"));
        Assert.Contains("line 9 (candidates[0].model)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the endpoint http://127.0.0.1:9999/v1 is not one this server's config names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TenantWithModelsList_UsesItsListNotTheServers()
    {
        var policy = Policy(o =>
        {
            o.ApiKeys.Add(new ApiKeyOptions { Tenant = "trial", Sha256 = new string('b', 64), Models = ["bedrock:amazon.nova-lite-v1:0"] });
            o.Summaries.Model = "bedrock:amazon.nova-pro-v1:0";
        });
        policy.Check(Parse("bedrock:amazon.nova-lite-v1:0"), "trial");
        Assert.Throws<ModelNotAllowedException>(() => policy.Check(Parse("bedrock:amazon.nova-pro-v1:0"), "trial"));
        Assert.Throws<ModelNotAllowedException>(() => policy.Check(Parse("bedrock:amazon.nova-lite-v1:0"), "acme"));
        policy.Check(Parse("extractive:lead-2"), "trial");
    }

    [Fact]
    public void Check_CloudModelOnlyWhenConfiguredOrAllowed()
    {
        Assert.Contains("neither offline nor a model this server's config names", Assert.Throws<ModelNotAllowedException>(() => Policy().Check(Parse("bedrock:amazon.nova-lite-v1:0"), "acme")).Message, StringComparison.Ordinal);
        Policy(o => o.Summaries.Model = "bedrock:amazon.nova-lite-v1:0").Check(Parse("bedrock:amazon.nova-lite-v1:0"), "acme");
        Policy(null, "bedrock:*").Check(Parse("bedrock:amazon.nova-lite-v1:0"), "acme");
        Policy(null, "bedrock:amazon.*").Check(Parse("bedrock:amazon.nova-lite-v1:0"), "acme");
        Assert.Throws<ModelNotAllowedException>(() => Policy(null, "bedrock:anthropic.*").Check(Parse("bedrock:amazon.nova-lite-v1:0"), "acme"));
    }

    [Fact]
    public void Check_JudgeOrEmbeddingModelNotAllowed_NamesTheField()
    {
        var judge = Parse("extractive:lead-1", "judges:\n  models:\n    - { name: j, model: openai:gpt-4o }\n  metrics: [correctness]");
        Assert.Contains("(judges.models[0].model)", Assert.Throws<ModelNotAllowedException>(() => Policy().Check(judge, "acme")).Message, StringComparison.Ordinal);
        var embedding = Parse("extractive:lead-1", "embeddingModel: openai:text-embedding-3-small", "[rouge, semantic_similarity]");
        Assert.Contains("(embeddingModel)", Assert.Throws<ModelNotAllowedException>(() => Policy().Check(embedding, "acme")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StoreOtherThanTheOutputFolder_Refused()
    {
        var study = Parse("extractive:lead-1", "store: postgres:Host=db;Password=${PGPASSWORD}");
        Assert.Contains("store is not allowed in a study started on the server", Assert.Throws<AssayException>(() => Policy().Check(study, "acme")).Message, StringComparison.Ordinal);
    }
}
