using Assay.FakeServer;
using Assay.FakeServer.Options;
using Assay.Services.Tests.Doubles;

namespace Assay.Web.Tests.Infrastructure;

/// <summary>The fake model server (OpenAI wire format on loopback) and model ids that reach it through the real model factory.</summary>
internal static class FakeModels
{
    public static Task<FakeModelServer> StartAsync(AnswerOptions? answers = null) =>
        FakeModelServer.StartAsync(new FakeServerOptions
        {
            Answers = answers ?? new AnswerOptions(),
            Auth = new AuthOptions { Required = true, OpenAiKeys = [DoubleModelFactory.CompatibleKey] },
        });

    public static string ModelId(this FakeModelServer server, string name) => $"openai-compatible:{server.OpenAiBaseUrl}#{name}";
}
