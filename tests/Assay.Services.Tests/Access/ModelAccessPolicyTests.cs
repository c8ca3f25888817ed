using Assay.Models;
using Assay.Services.Access;
using Assay.Services.Configuration;

namespace Assay.Services.Tests.Access;

public sealed class ModelAccessPolicyTests
{
    private static ServicesOptions Options()
    {
        var options = new ServicesOptions
        {
            ApiKeys =
            {
                new ApiKeyOptions { Tenant = "acme", Sha256 = new string('a', 64) },
                new ApiKeyOptions { Tenant = "trial", Sha256 = new string('b', 64), Models = ["openai:gpt-4o-mini"] },
            },
            AllowedModels = { "bedrock:amazon.*" },
        };
        options.Chat.Model = "openai:gpt-4o";
        return options;
    }

    [Fact]
    public void Allows_TenantWithoutList_ServerModelsAndAllowedModelsOnly()
    {
        var policy = new ModelAccessPolicy(Options());
        Assert.True(policy.Allows("acme", ModelId.Parse("openai:gpt-4o")));
        Assert.True(policy.Allows("acme", ModelId.Parse("bedrock:amazon.nova-lite-v1:0")));
        Assert.False(policy.Allows("acme", ModelId.Parse("openai:gpt-4o-mini")));
        Assert.False(policy.Allows("acme", ModelId.Parse("openai-compatible:http://169.254.169.254/v1#x")));
    }

    [Fact]
    public void Allows_TenantWithList_OnlyItsListEvenForServerDefaults()
    {
        var policy = new ModelAccessPolicy(Options());
        Assert.True(policy.Allows("trial", ModelId.Parse("openai:gpt-4o-mini")));
        Assert.False(policy.Allows("trial", ModelId.Parse("openai:gpt-4o")));
        Assert.False(policy.Allows("trial", ModelId.Parse("bedrock:amazon.nova-lite-v1:0")));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("trial")]
    [InlineData(null)]
    public void Allows_OfflineModelsAlways(string? tenant)
    {
        var policy = new ModelAccessPolicy(Options());
        Assert.True(policy.Allows(tenant, ModelId.Parse("local:use-lite")));
        Assert.True(policy.Allows(tenant, ModelId.Parse("extractive:textrank-3")));
        Assert.False(policy.Allows(tenant, ModelId.Parse("replay:/etc/passwd")));
    }

    [Fact]
    public void Check_Refused_NamesTheSettingWithoutTheRecordingPath()
    {
        var policy = new ModelAccessPolicy(Options());
        var own = Assert.Throws<ModelNotAllowedException>(() => policy.Check("trial", "openai:gpt-4o"));
        Assert.Contains("this API key's models list (services.apiKeys, tenant 'trial')", own.Message, StringComparison.Ordinal);
        var server = Assert.Throws<ModelNotAllowedException>(() => policy.Check("acme", "replay:/srv/secret/calls.csv"));
        Assert.Contains("services.allowedModels", server.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/secret", server.Message, StringComparison.Ordinal);
    }
}
