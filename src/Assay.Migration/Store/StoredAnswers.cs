namespace Assay.Migration.Store;

/// <summary>
/// Judge and optimizer answers of one study in the run store, with counts of calls made and
/// answers reused (the report shows both, so a resumed study can be seen to have paid for nothing twice).
/// </summary>
internal sealed class StoredAnswers(IRunStore store, string study, TimeProvider time)
{
    private int _made;
    private int _reused;

    /// <summary>Calls sent to a model.</summary>
    public int Made => Volatile.Read(ref _made);

    /// <summary>Answers read from the run store instead of calling.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>The stored answer for the key, or the call's answer, stored before it is returned. A call that throws stores nothing.</summary>
    public async Task<string> GetOrAddAsync(string callKey, string modelId, Func<CancellationToken, Task<string>> call, CancellationToken cancellationToken)
    {
        if (await store.FindAnswerAsync(study, callKey, cancellationToken) is { } stored)
        {
            Interlocked.Increment(ref _reused);
            return stored;
        }

        Interlocked.Increment(ref _made);
        var answer = await call(cancellationToken);
        await store.SaveAnswerAsync(study, callKey, modelId, answer, time.GetUtcNow(), cancellationToken);
        return answer;
    }
}
