using System.Net.Http.Headers;
using Assay.Services.Configuration;
using Assay.Services.Tests.Doubles;
using Assay.Web.Hosting;
using Assay.Web.Security;
using Assay.Web.Studies;
using Microsoft.AspNetCore.Builder;

namespace Assay.Web.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) with the model doubles, two tenants
/// (acme, globex) and a fresh data folder; clients talk to it over real HTTP.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string AcmeKey = "assay_test-key-acme-0123456789abcdefghijklmnop";
    public const string GlobexKey = "assay_test-key-globex-0123456789abcdefghijklmn";

    private readonly WebApplication app;

    private TestServer(WebApplication app, string dataDir, DoubleModelFactory models, ServicesOptions options, CapturingLoggerProvider logs)
    {
        this.app = app;
        DataDir = dataDir;
        Models = models;
        Options = options;
        Logs = logs;
        BaseAddress = new Uri(app.Addresses().First());
    }

    public Uri BaseAddress { get; }

    public string DataDir { get; }

    public DoubleModelFactory Models { get; }

    public ServicesOptions Options { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<TestServer> StartAsync(Action<ServicesOptions, DoubleModelFactory>? configure = null, TimeProvider? time = null, StudyRunSettings? studies = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "assay-web-tests-" + Guid.NewGuid().ToString("N"));
        var options = new ServicesOptions
        {
            DataDir = Path.Combine(dataDir, "data"),
            ApiKeys =
            {
                new ApiKeyOptions { Tenant = "acme", Sha256 = ApiKeyRegistry.Hash(AcmeKey) },
                new ApiKeyOptions { Tenant = "globex", Sha256 = ApiKeyRegistry.Hash(GlobexKey) },
            },

            // The model doubles (test:...) may be asked for by name, as a real server's allowed models would.
            AllowedModels = { "test:*" },
        };
        options.Images.LocalDir = Path.Combine(dataDir, "images");
        var models = new DoubleModelFactory();
        configure?.Invoke(options, models);
        var logs = new CapturingLoggerProvider();
        var app = AssayServer.Build(new ServerSettings(options, models) { Urls = "http://127.0.0.1:0", Time = time ?? TimeProvider.System, ExtraLogger = logs, Studies = studies ?? new StudyRunSettings() });
        await app.StartAsync();
        return new TestServer(app, dataDir, models, options, logs);
    }

    public HttpClient Client(string? key = AcmeKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Models.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left to the temp cleaner.
        }
    }
}
