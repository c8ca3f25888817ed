namespace Assay.Models.Catalog;

/// <summary>
/// One model's published prices, in US dollars per 1,000 tokens, with the date and source
/// they were read from. Null prices were not published for that model.
/// </summary>
public sealed record ModelPrice
{
    /// <summary>The catalog id (<c>provider:name</c>); a trailing <c>*</c> matches every id with that prefix.</summary>
    public required string Id { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required decimal InputPer1K { get; init; }

    public required decimal OutputPer1K { get; init; }

    public decimal? CachedInputPer1K { get; init; }

    public decimal? BatchInputPer1K { get; init; }

    public decimal? BatchOutputPer1K { get; init; }

    /// <summary>Tokens the model accepts (input + output), when published.</summary>
    public int? ContextWindow { get; init; }

    /// <summary>The day the price was read from <see cref="Source"/>.</summary>
    public required DateOnly AsOf { get; init; }

    public required string Source { get; init; }

    /// <summary>True for prices that cannot go out of date (offline methods at 0).</summary>
    public bool NeverStale { get; init; }

    /// <summary>Where the entry came from: the shipped catalog or the user's file.</summary>
    public string Origin { get; init; } = "built-in";

    /// <summary>US dollars for one call: tokens / 1000 x price per 1K, input and output.</summary>
    public decimal CostUsd(long inputTokens, long outputTokens, long cachedInputTokens = 0)
    {
        var cached = CachedInputPer1K is null ? 0 : Math.Clamp(cachedInputTokens, 0, inputTokens);
        var fresh = inputTokens - cached;
        return (fresh * InputPer1K + cached * (CachedInputPer1K ?? InputPer1K) + outputTokens * OutputPer1K) / 1000m;
    }

    /// <summary>True when the price was read more than <paramref name="maxAgeDays"/> days before <paramref name="today"/>.</summary>
    public bool IsStale(DateOnly today, int maxAgeDays = PriceCatalog.StaleAfterDays) =>
        !NeverStale && today.DayNumber - AsOf.DayNumber > maxAgeDays;
}
