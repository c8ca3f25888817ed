namespace Assay.Models.Factory;

/// <summary>What the built-in providers share: the HTTP client, the environment lookup, the clock and the options.</summary>
internal sealed record ProviderContext(HttpClient Http, Func<string, string?> Environment, TimeProvider Time, ModelFactoryOptions Options);
