using Assay.Migration.Runs;

namespace Assay.Migration.Store;

/// <summary>
/// Where a study's calls are kept as they arrive, so that a crash or Ctrl-C loses nothing that
/// finished and <c>--resume</c> redoes nothing that finished. Writes are idempotent upserts on
/// (study, model, item, repeat). Each row carries the fingerprint of the model's configuration
/// (model id, prompt template, call settings): a changed prompt does not count as finished.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>Prefix of the stored-answer keys that hold batch job ids (no judge or optimizer key starts with it).</summary>
    const string BatchJobPrefix = "batch-job/";

    /// <summary>What the store is, for messages: never a password or full connection string.</summary>
    string Description { get; }

    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The successful calls of the study, with each row's configuration fingerprint.</summary>
    Task<IReadOnlyDictionary<RecordKey, string>> FinishedAsync(string study, CancellationToken cancellationToken);

    Task<int> CountAsync(string study, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the records in one transaction.</summary>
    Task UpsertAsync(string study, IReadOnlyList<(GenerationRecord Record, string Fingerprint)> records, CancellationToken cancellationToken);

    Task<IReadOnlyList<GenerationRecord>> ReadAsync(string study, CancellationToken cancellationToken);

    /// <summary>
    /// The study's records, where <paramref name="promptOf"/> makes a live call's prompt from its record
    /// (model label, item id; null when it cannot), on demand rather than read and held;
    /// replayed calls keep their recorded prompt. With <paramref name="spill"/>, each answer goes to it as
    /// its row is read, so the records of 100,000 calls hold no answer text.
    /// </summary>
    Task<IReadOnlyList<GenerationRecord>> ReadAsync(string study, Func<GenerationRecord, string?> promptOf, CancellationToken cancellationToken, Assay.Text.TextSpill? spill = null) =>
        ReadAsync(study, cancellationToken);

    /// <summary>A stored judge or optimizer answer, by its call key (model, messages and settings: <see cref="StoredChatClient"/>); null when none is stored.</summary>
    Task<string?> FindAnswerAsync(string study, string callKey, CancellationToken cancellationToken);

    /// <summary>Keeps a judge or optimizer answer as it arrives (an idempotent upsert on study and call key).</summary>
    Task SaveAnswerAsync(string study, string callKey, string modelId, string answer, DateTimeOffset completedAt, CancellationToken cancellationToken);

    /// <summary>The provider job id stored for a batch of calls (<see cref="SaveBatchJobAsync"/>), or null: a study killed while its job runs resumes that job instead of submitting another.</summary>
    Task<string?> FindBatchJobAsync(string study, string batchKey, CancellationToken cancellationToken) =>
        FindAnswerAsync(study, BatchJobPrefix + batchKey, cancellationToken);

    /// <summary>Keeps a submitted batch job's id before it is polled, in the same table as stored answers, under its own key prefix.</summary>
    Task SaveBatchJobAsync(string study, string batchKey, string modelId, string jobId, DateTimeOffset submittedAt, CancellationToken cancellationToken) =>
        SaveAnswerAsync(study, BatchJobPrefix + batchKey, modelId, jobId, submittedAt, cancellationToken);

    /// <summary>The queue that shares the study's items among worker processes; null for stores without one (SQLite).</summary>
    IWorkQueue? WorkQueue => null;

    /// <summary>Removes every record and stored answer of the study (a fresh run of a study that was stored before).</summary>
    Task DeleteAsync(string study, CancellationToken cancellationToken);
}
