using Assay.Models.Catalog;
using Assay.Models.Metering;
using Assay.Models.Resilience;
using Microsoft.Extensions.Logging;

namespace Assay.Models;

/// <summary>Settings of a <see cref="ModelFactory"/>. Every default suits the command line; tests inject the clock, HTTP and environment.</summary>
public sealed record ModelFactoryOptions
{
    /// <summary>SQLite file of the response cache, or null for no cache.</summary>
    public string? CachePath { get; init; }

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>The price catalog; null loads the shipped one merged with ASSAY_PRICES (or <see cref="PricesPath"/>).</summary>
    public PriceCatalog? Prices { get; init; }

    /// <summary>The user's prices file, overriding ASSAY_PRICES.</summary>
    public string? PricesPath { get; init; }

    /// <summary>When true (the default), a model with no price in the catalog is refused with an error saying how to add one.</summary>
    public bool RequirePrices { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The HTTP handler every provider sends through (tests and benchmarks inject one); null uses a pooled SocketsHttpHandler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Reads an environment variable; tests replace it to control credentials.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Where Microsoft.Extensions.AI's <c>UseLogging()</c> writes a line per call; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Bedrock endpoint override (e.g. the fake server); else ASSAY_BEDROCK_ENDPOINT, else AWS's regional endpoint.</summary>
    public Uri? BedrockEndpoint { get; init; }

    /// <summary>AWS region for Bedrock; else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1.</summary>
    public string? BedrockRegion { get; init; }

    /// <summary>Running totals of every call made through the factory; null keeps none.</summary>
    public CallMetricsLedger? Ledger { get; init; }
}
