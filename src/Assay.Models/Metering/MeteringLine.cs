using System.Globalization;
using Assay.Models.Catalog;
using Assay.Models.Tokenization;

namespace Assay.Models.Metering;

/// <summary>One line that says what a call measured, each number with its unit and how it was obtained.</summary>
public static class MeteringLine
{
    public static string Format(CallMetrics metrics, ModelPrice? price, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var parts = new List<string> { $"model={metrics.ModelId}" };
        parts.Add(metrics.Cached ? "latency=- (cached answer)" : $"latency={Ms(metrics.Latency)}{(metrics.Replayed ? " (recorded)" : string.Empty)}");
        if (metrics.TimeToFirstToken is { } ttft)
        {
            parts.Add($"ttft={Ms(ttft)}");
        }

        if (metrics.ServerLatency is { } server)
        {
            parts.Add($"server={Ms(server)}");
        }

        var how = metrics.TokensEstimated ? $"estimated with {TokenCounter.EncodingName}" : "reported";
        parts.Add($"tokens={metrics.InputTokens} in / {metrics.OutputTokens} out ({how})");
        if (metrics.CostUsd is { } cost)
        {
            var stale = price is not null && price.IsStale(today) ? $", STALE: older than {PriceCatalog.StaleAfterDays} days" : string.Empty;
            var asOf = price is null ? string.Empty : $" at catalog prices as of {price.AsOf:yyyy-MM-dd}{stale}";
            parts.Add($"cost=${cost.ToString("0.########", CultureInfo.InvariantCulture)}{asOf}");
        }
        else
        {
            parts.Add("cost=unknown (no price in the catalog)");
        }

        parts.Add($"attempts={metrics.Attempts}");
        if (metrics.Cached)
        {
            parts.Add("cached=yes");
        }

        if (metrics.Replayed)
        {
            parts.Add("replayed=yes");
        }

        return string.Join("  ", parts);
    }

    private static string Ms(TimeSpan? value) =>
        value is null ? "-" : $"{value.Value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
}
