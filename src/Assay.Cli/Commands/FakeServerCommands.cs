using System.CommandLine;
using System.Globalization;
using Assay.FakeServer;
using Assay.FakeServer.Config;
using Assay.FakeServer.Options;

namespace Assay.Cli.Commands;

/// <summary><c>assay fake-server --port N [--config faults.yaml]</c>: the fake model server, until Ctrl-C (issue 2).</summary>
internal static class FakeServerCommands
{
    public static IEnumerable<Command> Create()
    {
        var port = new Option<int?>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one); overrides the config file's port." };
        var config = new Option<FileInfo?>("--config") { Description = "YAML file with answers, latency, faults and auth settings (see src/Assay.FakeServer/README.md)." };
        var noAuth = new Option<bool>("--no-auth") { Description = "Accept requests without credentials (the default checks them as OpenAI and Bedrock do)." };
        var command = new Command("fake-server", "Run a fake model server on loopback that speaks the OpenAI and Bedrock wire formats, with deterministic answers and injected faults, until Ctrl-C.")
        {
            port,
            config,
            noAuth,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(config);
            var options = file is null ? new FakeServerOptions() : FakeServerConfigFile.Load(file.FullName);
            if (parseResult.GetValue(port) is { } chosen)
            {
                options = options with { Port = chosen };
            }

            if (parseResult.GetValue(noAuth))
            {
                options = options with { Auth = options.Auth with { Required = false } };
            }

            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new AssayException($"fake-server: {ex.Message}");
            }

            return await RunAsync(options, parseResult.InvocationConfiguration.Output, cancellationToken);
        });
        return [command];
    }

    internal static async Task<int> RunAsync(FakeServerOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        FakeModelServer server;
        try
        {
            server = await FakeModelServer.StartAsync(options, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new AssayException($"fake-server: cannot listen on 127.0.0.1:{options.Port} ({ex.Message}): choose another --port, or --port 0 for a free one.");
        }

        await using (server)
        {
            await output.WriteLineAsync(Describe(server, options));
            await output.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how this command ends: not an error.
            }

            var counts = server.Counters.Snapshot();
            var faults = string.Join(", ", counts.Faults.Where(f => f.Value > 0).Select(f => $"{f.Key} {f.Value}"));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"stopped: {counts.TotalRequests} requests, {counts.Successes} answered, {counts.TotalFaults} injected faults{(faults.Length > 0 ? $" ({faults})" : string.Empty)}"));
        }

        return ExitCodes.Ok;
    }

    private static string Describe(FakeModelServer server, FakeServerOptions options)
    {
        var lines = new List<string>
        {
            $"Assay fake model server on {server.BaseUrl} (not a model: deterministic answers computed from each request)",
            $"  OpenAI-compatible: {server.OpenAiBaseUrl}  (model id e.g. openai-compatible:{server.OpenAiBaseUrl}#assay-fake-chat)",
            $"  Bedrock runtime endpoint: {server.BaseUrl}",
            "routes:",
        };
        lines.AddRange(FakeModelServer.DescribeRoutes().Select(r => "  " + r));
        var f = options.Faults;
        var faultText = f.TotalRate <= 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"rateLimit {f.RateLimit}, serverError {f.ServerError}, slow {f.Slow} ({f.SlowDelayMs} ms), connectionReset {f.ConnectionReset}, streamCut {f.StreamCut}, malformedBody {f.MalformedBody}, streamError {f.StreamError}, seed {f.Seed}");
        lines.Add($"answers: {Kebab(options.Answers.Mode.ToString())}; latency: {Kebab(options.Latency.Distribution.ToString())}; faults: {faultText}; auth: {(options.Auth.Required ? "required" : "off")}{(options.Auth.AwsSecretKeys.Count > 0 ? $", SigV4 signatures verified for {options.Auth.AwsSecretKeys.Count} access key(s)" : string.Empty)}");
        var b = options.Batch;
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"batch jobs: {b.JobDurationMs} ms each; record errors {b.RecordErrorRate}, failed jobs {b.FailJobRate}, expired jobs {b.ExpireJobRate}; Bedrock job files in S3 at {b.ResolveS3ServiceUrl() ?? "(none: set batch.s3ServiceUrl or AWS_ENDPOINT_URL_S3, else Bedrock jobs fail)"}"));
        lines.Add("Press Ctrl-C to stop.");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>FirstSentence as the docs and YAML write it: first-sentence.</summary>
    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
