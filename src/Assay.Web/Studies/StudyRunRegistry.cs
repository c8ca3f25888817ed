using System.Globalization;
using System.Text;
using Assay.Web.Errors;

namespace Assay.Web.Studies;

/// <summary>
/// The studies running (and recently run) on this server, by tenant. It owns the output folder
/// root and the running limit: a start takes a slot first (409 when none is free), the slot is
/// given back when the study ends or when preparing it fails. A study keeps running when the
/// page that started it goes away; the server stopping cancels it (finished calls stay stored).
/// </summary>
internal sealed class StudyRunRegistry(StudyRunSettings settings, string root, StudyJobRunner runner, TimeProvider time) : IAsyncDisposable
{
    private const int KeptFinishedPerTenant = 20;
    private readonly Lock _gate = new();
    private readonly List<StudyJob> _jobs = [];
    private readonly List<Task> _tasks = [];
    private int _running;

    /// <summary>Where each study gets its output folder (the folder the Studies page lists).</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Takes a running slot, or answers 409 when every slot is taken.</summary>
    public Slot Reserve()
    {
        lock (_gate)
        {
            if (_running >= Math.Max(1, settings.MaxRunning))
            {
                var busy = string.Join(", ", _jobs.Where(j => !j.Finished).Select(j => j.Study));
                throw new ConflictException($"{_running} stud{(_running == 1 ? "y is" : "ies are")} already running on this server ({busy}), the most it runs at once; start this one when it has finished.");
            }

            _running++;
            return new Slot(this);
        }
    }

    /// <summary>Where a tenant's studies started on the server go: only that tenant lists and reads them.</summary>
    public string RootOf(string tenant) => Pages.StudyFolders.TenantRoot(Root, tenant);

    /// <summary>A new, empty output folder of the tenant, named after the study and the start time (e.g. <c>incident-summaries-20261122-071500</c>).</summary>
    public (string Id, string Path) CreateOutputFolder(string tenant, string studyName)
    {
        var stem = Slug(studyName) + "-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var root = RootOf(tenant);
        lock (_gate)
        {
            Directory.CreateDirectory(root);
            for (var n = 1; ; n++)
            {
                var id = n == 1 ? stem : $"{stem}-{n}";
                var path = Path.Combine(root, id);
                if (!Directory.Exists(path))
                {
                    Directory.CreateDirectory(path);
                    return (id, path);
                }
            }
        }
    }

    /// <summary>Starts the prepared study in the background with the slot it took.</summary>
    public StudyJob Start(Slot slot, string tenant, PreparedStudy prepared)
    {
        var job = new StudyJob(prepared.Id, tenant, prepared.Study.Name, prepared.Origin, prepared.OutputDirectory, prepared.Models, time, prepared.Clean);
        lock (_gate)
        {
            slot.Transfer();
            _jobs.Add(job);
            Prune(tenant);
            _tasks.RemoveAll(t => t.IsCompleted);
            _tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await runner.RunAsync(job, prepared.Study, job.Cancellation.Token);
                }
                finally
                {
                    Release();
                }
            }));
        }

        return job;
    }

    public IReadOnlyList<StudyJob> List(string tenant)
    {
        lock (_gate)
        {
            return [.. _jobs.Where(j => j.Tenant == tenant).OrderByDescending(j => j.StartedAt)];
        }
    }

    /// <summary>The tenant's run with this id, or a 404.</summary>
    public StudyJob Find(string tenant, string id)
    {
        lock (_gate)
        {
            return _jobs.FirstOrDefault(j => j.Tenant == tenant && j.Id == id)
                ?? throw new NotFoundException($"No study run '{id}' started by this API key on this server since it started: list them with GET /v1/studies/runs.");
        }
    }

    /// <summary>Cancels every running study (the server is stopping): their progress streams end with 'cancelled' instead of holding the shutdown.</summary>
    public void CancelAll()
    {
        lock (_gate)
        {
            foreach (var job in _jobs.Where(j => !j.Finished))
            {
                job.Cancellation.Cancel();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        CancelAll();
        lock (_gate)
        {
            running = [.. _tasks];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // A study that does not stop in time is left to the process's end.
        }

        foreach (var job in _jobs)
        {
            job.Dispose();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _running--;
        }
    }

    private void Prune(string tenant)
    {
        var finished = _jobs.Where(j => j.Tenant == tenant && j.Finished).OrderByDescending(j => j.StartedAt).Skip(KeptFinishedPerTenant).ToList();
        foreach (var job in finished)
        {
            _jobs.Remove(job);
            job.Dispose();
        }
    }

    // Folder names are safe on every file system and in a URL: [a-z0-9._-], at most 60 characters.
    private static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-');
        }

        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries)).Trim('.');
        return slug.Length == 0 ? "study" : slug[..Math.Min(60, slug.Length)];
    }

    /// <summary>A running slot: given back on dispose unless a started study took it over.</summary>
    internal sealed class Slot(StudyRunRegistry owner) : IDisposable
    {
        private bool _held = true;

        public void Transfer() => _held = false;

        public void Dispose()
        {
            if (_held)
            {
                _held = false;
                owner.Release();
            }
        }
    }
}

/// <summary>A checked study with its output folder, ready to start: id (= folder name), where it came from, the models to show, and how to make server paths readable.</summary>
internal sealed record PreparedStudy(Migration.Study.Study Study, string Id, string OutputDirectory, string Origin, IReadOnlyList<string> Models, Func<string, string> Clean);
