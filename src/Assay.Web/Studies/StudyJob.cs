using Assay.Migration.Evaluation;
using Assay.Migration.Generation;

namespace Assay.Web.Studies;

/// <summary>
/// One study running (or run) on the server: the live figures its progress callbacks write
/// (calls done of total per model, failures, the evaluation stage), the lines its runner logs,
/// and how it ended. Thread-safe: the runner reports from many calls at once while progress
/// streams read snapshots; every change bumps <see cref="StudyJobView.Version"/> and wakes them.
/// </summary>
internal sealed class StudyJob : IProgress<GenerationProgress>, IProgress<EvaluationProgress>, IDisposable
{
    private const int MaxMessages = 50;
    private readonly Lock _gate = new();
    private readonly List<ModelProgressView> _models = [];
    private readonly List<string> _messages = [];
    private readonly Func<string, string> _clean;
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StudyRunStatus _status = StudyRunStatus.Running;
    private string _stage = "queued";
    private GenerationProgress _calls;
    private EvaluationProgressView? _evaluation;
    private string? _error;
    private string? _decision;
    private DateTimeOffset? _finishedAt;
    private long _version;

    public StudyJob(string id, string tenant, string study, string origin, string outputDirectory, IEnumerable<string> models, TimeProvider time, Func<string, string> clean)
    {
        Id = id;
        Tenant = tenant;
        Study = study;
        Origin = origin;
        OutputDirectory = outputDirectory;
        _time = time;
        _clean = clean;
        StartedAt = time.GetUtcNow();
        _models.AddRange(models.Select(m => new ModelProgressView(m, 0, 0, 0)));
    }

    public string Id { get; }

    public string Tenant { get; }

    public string Study { get; }

    /// <summary>Where the study file came from: <c>sample samples/incidents/study.yaml</c> or <c>upload study.yaml</c>.</summary>
    public string Origin { get; }

    public string OutputDirectory { get; }

    public DateTimeOffset StartedAt { get; }

    public CancellationTokenSource Cancellation { get; } = new();

    public bool Finished
    {
        get
        {
            lock (_gate)
            {
                return _status != StudyRunStatus.Running;
            }
        }
    }

    public void Report(GenerationProgress value) => Change(() =>
    {
        _stage = "generation";
        if (value.Done >= _calls.Done)
        {
            _calls = value;
        }

        var i = _models.FindIndex(m => m.Model == value.Model);
        var entry = new ModelProgressView(value.Model, value.ModelDone, value.ModelTotal, value.ModelFailed);
        if (i < 0)
        {
            _models.Add(entry);
        }
        else if (value.ModelDone >= _models[i].Done)
        {
            _models[i] = entry;
        }
    });

    public void Report(EvaluationProgress value) => Change(() =>
    {
        _stage = "evaluation";
        _evaluation = new EvaluationProgressView(value.Stage, value.Done, value.Total);
    });

    public void Log(string line) => Change(() =>
    {
        _messages.Add(_clean(line));
        if (_messages.Count > MaxMessages)
        {
            _messages.RemoveAt(0);
        }
    });

    public void Stage(string stage) => Change(() => _stage = stage);

    public void Succeed(string decision) => End(StudyRunStatus.Succeeded, () => _decision = decision);

    public void Fail(string error) => End(StudyRunStatus.Failed, () => _error = _clean(error));

    public void Cancelled() => End(StudyRunStatus.Cancelled, () => _error = "cancelled: the calls that finished are kept in the run store of its output folder.");

    public StudyJobView Snapshot()
    {
        lock (_gate)
        {
            return new StudyJobView(
                Id,
                Study,
                Origin,
                _status,
                _stage,
                StartedAt,
                _finishedAt,
                new CallsView(_calls.Done, _calls.Total, _calls.Failed, _calls.Resumed),
                [.. _models],
                _evaluation,
                [.. _messages],
                _error,
                _decision,
                _status == StudyRunStatus.Succeeded ? $"/v1/studies/{Uri.EscapeDataString(Id)}/report.html" : null,
                _version);
        }
    }

    /// <summary>Completes when the job changes after <paramref name="version"/>, or after <paramref name="timeout"/> (a heartbeat).</summary>
    public async Task WaitForChangeAsync(long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != version)
            {
                return;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A heartbeat is due.
        }
    }

    public void Dispose() => Cancellation.Dispose();

    private void End(StudyRunStatus status, Action set) => Change(() =>
    {
        if (_status != StudyRunStatus.Running)
        {
            return;
        }

        set();
        _status = status;
        _stage = status == StudyRunStatus.Succeeded ? "done" : _stage;
        _finishedAt = _time.GetUtcNow();
    });

    private void Change(Action change)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            change();
            _version++;
            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }
}

internal enum StudyRunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>A study run as the API shows it. <c>calls</c> counts every model's calls (kept ones included); <c>report</c> is set once it succeeded.</summary>
internal sealed record StudyJobView(
    string Id,
    string Study,
    string Origin,
    StudyRunStatus Status,
    string Stage,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    CallsView Calls,
    IReadOnlyList<ModelProgressView> Models,
    EvaluationProgressView? Evaluation,
    IReadOnlyList<string> Messages,
    string? Error,
    string? Decision,
    string? Report,
    long Version);

/// <summary>Calls of the whole study: done of total, failed, kept from an earlier run.</summary>
internal sealed record CallsView(int Done, int Total, int Failed, int Resumed);

/// <summary>Calls of one model: done of total (0 until its first call finishes), failed.</summary>
internal sealed record ModelProgressView(string Model, int Done, int Total, int Failed);

/// <summary>The evaluation stage (e.g. a metric or a judge) and its items or calls done of total.</summary>
internal sealed record EvaluationProgressView(string Stage, int Done, int Total);
