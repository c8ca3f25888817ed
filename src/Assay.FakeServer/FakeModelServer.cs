using System.Net;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assay.FakeServer;

/// <summary>
/// A fake model server on 127.0.0.1 that speaks OpenAI's and Amazon Bedrock's wire formats
/// with deterministic answers, configurable latency and injected faults. It is not a model:
/// every answer is computed from the request (see <see cref="AnswerOptions"/>) and each
/// response carries the header <c>x-assay-fake-server: true</c>.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ServerRuntime runtime;

    private FakeModelServer(WebApplication app, ServerRuntime runtime, Uri baseUrl)
    {
        this.app = app;
        this.runtime = runtime;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5123/</c>. OpenAI clients use <c>{BaseUrl}v1</c>; Bedrock clients use it as the runtime endpoint.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The OpenAI-compatible base URL (<c>{BaseUrl}v1</c>), as OpenAI SDKs expect it.</summary>
    public Uri OpenAiBaseUrl => new(BaseUrl, "v1");

    public FakeServerCounters Counters => runtime.Counters;

    /// <summary>The settings in force, including any changed while running.</summary>
    public FakeServerOptions Options => runtime.Options with
    {
        Answers = runtime.Answers.Options,
        Faults = runtime.Faults.Options,
        Latency = runtime.Latency.Options,
        Auth = runtime.Auth,
        Batch = runtime.Batch.Options,
    };

    /// <summary>The faults in force; setting it applies to requests that start afterwards and restarts the fault sequence from its seed.</summary>
    public FaultOptions Faults
    {
        get => runtime.Faults.Options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ThrowIfInvalid(errors => OptionsValidator.CheckFaults(value, errors));
            runtime.SetFaults(value);
        }
    }

    /// <summary>The timing in force; setting it applies to requests that start afterwards.</summary>
    public LatencyOptions Latency
    {
        get => runtime.Latency.Options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ThrowIfInvalid(errors => OptionsValidator.CheckLatency(value, errors));
            runtime.SetLatency(value);
        }
    }

    /// <summary>How answers are composed; setting it applies to requests that start afterwards.</summary>
    public AnswerOptions Answers
    {
        get => runtime.Answers.Options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ThrowIfInvalid(errors => OptionsValidator.CheckAnswers(value, errors));
            runtime.SetAnswers(value);
        }
    }

    /// <summary>The credentials accepted; setting it applies to requests that start afterwards.</summary>
    public AuthOptions Auth
    {
        get => runtime.Auth;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            runtime.SetAuth(value);
        }
    }

    /// <summary>
    /// The batch-job settings in force; setting it applies to jobs created afterwards (a running
    /// job keeps the settings it started with) and restarts the batch fault sequence from its seed.
    /// </summary>
    public BatchOptions Batch
    {
        get => runtime.Batch.Options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ThrowIfInvalid(errors => OptionsValidator.CheckBatch(value, errors));
            runtime.SetBatch(value);
        }
    }

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    /// <param name="options">Settings; <see cref="FakeServerOptions.Port"/> 0 picks a free port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="time">The clock for every delay (latency, token pacing, slow faults); the system clock by default.</param>
    public static async Task<FakeModelServer> StartAsync(FakeServerOptions? options = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        options ??= new FakeServerOptions();
        options.Validate();
        var runtime = new ServerRuntime(options, time ?? TimeProvider.System);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeModelServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        app.UseRouting();
        RouteTable.Map(app, runtime);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        runtime.BaseUrl = baseUrl.ToString();
        return new FakeModelServer(app, runtime, baseUrl);
    }

    /// <summary>The routes served, one "METHOD path  (counter name)" per line, for the command line.</summary>
    public static IReadOnlyList<string> DescribeRoutes() =>
        [.. RouteTable.Routes.Select(r => $"{r.Method,-4} {r.Path}  ({r.Name})")];

    public async ValueTask DisposeAsync()
    {
        // Background batch jobs first: they must not write to S3 or the stores once the server is gone.
        await runtime.Workers.StopAsync(TimeSpan.FromSeconds(5));
        runtime.Workers.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }

    private static void ThrowIfInvalid(Action<List<string>> check)
    {
        var errors = new List<string>();
        check(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }
    }
}
