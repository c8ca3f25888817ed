namespace Assay.Migration.Runs;

/// <summary>
/// One model call of a study, stored as it arrives (the run store's row) and read by evaluation.
/// Times in milliseconds, costs in US dollars. Keyed by (<see cref="Model"/>, <see cref="ItemId"/>, <see cref="Repeat"/>).
/// </summary>
public sealed record GenerationRecord
{
    /// <summary>The study's label for the model: <c>source</c> or a candidate's name.</summary>
    public required string Model { get; init; }

    /// <summary>The model id that was called (or replayed), e.g. <c>bedrock:amazon.nova-lite-v1:0</c>.</summary>
    public required string ModelId { get; init; }

    public required string ItemId { get; init; }

    /// <summary>0-based repeat number.</summary>
    public int Repeat { get; init; }

    private readonly string? _prompt;
    private readonly Func<GenerationRecord, string?>? _promptSource;

    /// <summary>The prompt text sent (template filled in); made on demand when the record was read with a <see cref="PromptSource"/>.</summary>
    public required string Prompt
    {
        get => _prompt ?? _promptSource?.Invoke(this) ?? string.Empty;
        init => _prompt = value;
    }

    /// <summary>
    /// Makes the prompt when asked instead of holding it: a live call's prompt is its template filled
    /// with the item's document, so a study of 100,000 items need not keep 100,000 prompts in memory.
    /// One function for every record of a study (it finds the template by <see cref="Model"/> and the
    /// document by <see cref="ItemId"/>), so a record holds no closure of its own.
    /// Set by the run store's reader with <c>Prompt = null!</c>.
    /// </summary>
    public Func<GenerationRecord, string?>? PromptSource
    {
        init => _promptSource = value;
    }

    // A string, or a SpilledText once the record is kept in a spill (see KeptIn).
    private readonly object? _response;

    /// <summary>The model's answer; null when the call failed.</summary>
    public string? Response
    {
        get => _response as string ?? _response?.ToString();
        init => _response = value;
    }

    /// <summary>True when the call has an answer; cheap, unlike <see cref="Response"/> on a spilled record.</summary>
    public bool HasResponse => _response is not null;

    private object? SpilledResponse
    {
        init => _response = value;
    }

    /// <summary>The same record with its answer in <paramref name="spill"/> instead of memory (read back when used).</summary>
    public GenerationRecord KeptIn(Assay.Text.TextSpill spill)
    {
        ArgumentNullException.ThrowIfNull(spill);
        return _response is string r ? this with { SpilledResponse = spill.Add(r) } : this;
    }

    /// <summary>The final error after every retry; null when the call succeeded.</summary>
    public string? Error { get; init; }

    public double? LatencyMs { get; init; }

    public double? TimeToFirstTokenMs { get; init; }

    public double? ServerLatencyMs { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public bool TokensEstimated { get; init; }

    public decimal? CostUsd { get; init; }

    public int Attempts { get; init; } = 1;

    public bool Cached { get; init; }

    /// <summary>True when the answer was replayed from a recording, not produced now.</summary>
    public bool Replayed { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    /// <summary><c>batch</c> when the answer came from the provider's batch engine (cost at its batch price, no latency of its own); null for an on-demand call.</summary>
    public string? Mode { get; init; }

    /// <summary>The <see cref="Mode"/> of batch answers.</summary>
    public const string BatchMode = "batch";
}
