namespace Assay.Cli;

/// <summary>
/// The thread pool for a migration study. A study mostly waits on many model calls at once,
/// while some libraries it uses block a pool thread as they work (SQLite, console rendering).
/// With the default floor of one worker per core, a 2-core machine then runs every call's
/// continuation on whatever thread is left until the pool slowly adds more. A floor of 16
/// workers removes that stall (bench <c>migration</c>: 86 % -> 92 % of the ceiling on 2 cores).
/// It is set for studies only: CPU-bound work such as <c>assay serve</c> with the offline models
/// runs faster with the default floor (bench <c>services-load</c>: embeddings 728 req/s against
/// 357 with a floor of 16), so it is not a process-wide setting.
/// </summary>
internal static class ThreadPoolSetup
{
    public const int StudyMinWorkers = 16;

    public static void ForStudy()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < StudyMinWorkers)
        {
            ThreadPool.SetMinThreads(StudyMinWorkers, io);
        }
    }
}
