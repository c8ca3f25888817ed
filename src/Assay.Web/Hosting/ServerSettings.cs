using Assay.Models;
using Assay.Services.Configuration;
using Microsoft.Extensions.Logging;

namespace Assay.Web.Hosting;

/// <summary>What the server needs from its host (the CLI or a test): settings, the model factory, time, and where logs go.</summary>
public sealed record ServerSettings(ServicesOptions Options, IModelFactory Models)
{
    /// <summary>Kestrel URLs; port 0 picks a free port (tests).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Migration studies started on the server: output folder, how many at once, samples, allowed models.</summary>
    public Studies.StudyRunSettings Studies { get; init; } = new();

    /// <summary>Extra log sink (tests capture logs to prove that no secret reaches them).</summary>
    public ILoggerProvider? ExtraLogger { get; init; }
}
