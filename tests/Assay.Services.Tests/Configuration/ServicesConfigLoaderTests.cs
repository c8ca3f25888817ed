using Assay.Services.Configuration;

namespace Assay.Services.Tests.Configuration;

public sealed class ServicesConfigLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("assay-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_AccessAndStudiesSettings_ReadWithFoldersRelativeToTheFile()
    {
        var options = ServicesConfigLoader.Load(Write("""
            services:
              allowedModels: ["bedrock:amazon.*"]
              apiKeys:
                - tenant: trial
                  sha256: 0000000000000000000000000000000000000000000000000000000000000000
                  models: ["openai:gpt-4o-mini"]
              studies:
                directory: out/studies
                maxRunning: 2
            """));
        Assert.Equal(["bedrock:amazon.*"], options.AllowedModels);
        Assert.Equal(["openai:gpt-4o-mini"], options.ApiKeys.Single().Models!);
        Assert.Equal(Path.Combine(folder, "out", "studies"), options.Studies.Directory);
        Assert.Equal(2, options.Studies.MaxRunning);
    }

    [Fact]
    public void Load_MalformedAllowedModel_NamesTheSetting()
    {
        var error = Assert.Throws<AssayException>(() => ServicesConfigLoader.Load(Write("services:\n  allowedModels: [gpt4]\n")));
        Assert.Contains("services.allowedModels: 'gpt4' is not a model id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltSetting_ErrorNamesItsLine()
    {
        var path = Write("services:\n  chat:\n    model: openai:gpt-4o-mini\n  allowedModel: [\"bedrock:*\"]\n");
        var error = Assert.Throws<AssayException>(() => ServicesConfigLoader.Load(path));
        Assert.Contains("line 4: unknown setting 'allowedModel'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZeroRunningStudies_NamesTheSettingAndFile()
    {
        var path = Write("services:\n  studies:\n    maxRunning: 0\n");
        var error = Assert.Throws<AssayException>(() => ServicesConfigLoader.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("services.studies.maxRunning is 0", error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, "assay.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
