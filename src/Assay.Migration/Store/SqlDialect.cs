namespace Assay.Migration.Store;

/// <summary>
/// The two databases' differences, kept to column types: the table, its key and the upsert
/// statement are the same text for SQLite and PostgreSQL (both support ON CONFLICT ... DO UPDATE).
/// </summary>
internal sealed record SqlDialect(string Name, string Text, string Integer, string Real, string Money, string Flag)
{
    public static readonly SqlDialect Sqlite = new("SQLite", "TEXT", "INTEGER", "REAL", "TEXT", "INTEGER");

    public static readonly SqlDialect Postgres = new("PostgreSQL", "TEXT", "BIGINT", "DOUBLE PRECISION", "NUMERIC(24,12)", "BOOLEAN");

    public string CreateTable => $"""
        CREATE TABLE IF NOT EXISTS assay_generations (
            study {Text} NOT NULL,
            model {Text} NOT NULL,
            item_id {Text} NOT NULL,
            repeat_no {Integer} NOT NULL,
            fingerprint {Text} NOT NULL,
            model_id {Text} NOT NULL,
            prompt {Text} NOT NULL,
            response {Text} NULL,
            error {Text} NULL,
            latency_ms {Real} NULL,
            ttft_ms {Real} NULL,
            server_latency_ms {Real} NULL,
            input_tokens {Integer} NOT NULL,
            output_tokens {Integer} NOT NULL,
            tokens_estimated {Flag} NOT NULL,
            cost_usd {Money} NULL,
            attempts {Integer} NOT NULL,
            cached {Flag} NOT NULL,
            replayed {Flag} NOT NULL,
            completed_at {Text} NOT NULL,
            generation_mode {Text} NULL,
            PRIMARY KEY (study, model, item_id, repeat_no)
        )
        """;

    /// <summary>Stores made before batch generation lack <c>generation_mode</c>; this adds it (PostgreSQL: IF NOT EXISTS; SQLite: checked first).</summary>
    public string AddModeColumn => Name == "SQLite"
        ? "ALTER TABLE assay_generations ADD COLUMN generation_mode TEXT NULL"
        : "ALTER TABLE assay_generations ADD COLUMN IF NOT EXISTS generation_mode TEXT NULL";

    /// <summary>Judge and optimizer answers, keyed by a hash of model, messages and settings (see StoredChatClient).</summary>
    public string CreateAnswersTable => $"""
        CREATE TABLE IF NOT EXISTS assay_answers (
            study {Text} NOT NULL,
            call_key {Text} NOT NULL,
            model_id {Text} NOT NULL,
            answer {Text} NOT NULL,
            completed_at {Text} NOT NULL,
            PRIMARY KEY (study, call_key)
        )
        """;

    public const string UpsertAnswer = """
        INSERT INTO assay_answers (study, call_key, model_id, answer, completed_at) VALUES (@study, @key, @modelId, @answer, @completedAt)
        ON CONFLICT (study, call_key) DO UPDATE SET model_id = excluded.model_id, answer = excluded.answer, completed_at = excluded.completed_at
        """;

    public const string Upsert = """
        INSERT INTO assay_generations (study, model, item_id, repeat_no, fingerprint, model_id, prompt, response, error,
            latency_ms, ttft_ms, server_latency_ms, input_tokens, output_tokens, tokens_estimated, cost_usd, attempts, cached, replayed, completed_at, generation_mode)
        VALUES (@Study, @Model, @ItemId, @Repeat, @Fingerprint, @ModelId, @Prompt, @Response, @Error,
            @LatencyMs, @TtftMs, @ServerLatencyMs, @InputTokens, @OutputTokens, @TokensEstimated, @CostUsd, @Attempts, @Cached, @Replayed, @CompletedAt, @Mode)
        ON CONFLICT (study, model, item_id, repeat_no) DO UPDATE SET
            fingerprint = excluded.fingerprint, model_id = excluded.model_id, prompt = excluded.prompt, response = excluded.response,
            error = excluded.error, latency_ms = excluded.latency_ms, ttft_ms = excluded.ttft_ms, server_latency_ms = excluded.server_latency_ms,
            input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, tokens_estimated = excluded.tokens_estimated,
            cost_usd = excluded.cost_usd, attempts = excluded.attempts, cached = excluded.cached, replayed = excluded.replayed,
            completed_at = excluded.completed_at, generation_mode = excluded.generation_mode
        """;

    /// <summary>The parameters of <see cref="Upsert"/>, in the order the store fills them.</summary>
    public static readonly string[] UpsertParameters =
    [
        "@Study", "@Model", "@ItemId", "@Repeat", "@Fingerprint", "@ModelId", "@Prompt", "@Response", "@Error",
        "@LatencyMs", "@TtftMs", "@ServerLatencyMs", "@InputTokens", "@OutputTokens", "@TokensEstimated", "@CostUsd", "@Attempts", "@Cached", "@Replayed", "@CompletedAt", "@Mode",
    ];

    public const string Columns = """
        model, item_id, repeat_no, model_id, prompt, response, error, latency_ms, ttft_ms, server_latency_ms,
        input_tokens, output_tokens, tokens_estimated, cost_usd, attempts, cached, replayed, completed_at, generation_mode
        """;
}
