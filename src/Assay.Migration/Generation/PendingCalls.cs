using Assay.Migration.Runs;
using Assay.Migration.Store;

namespace Assay.Migration.Generation;

/// <summary>What a job still has to call: its (item, repeat) pairs not yet stored as finished under this fingerprint.</summary>
internal static class PendingCalls
{
    /// <param name="kept">Calls of the job already finished with this fingerprint (kept from an earlier run).</param>
    public static List<(StudyItem Item, int Repeat)> Of(GenerationJob job, string fingerprint, IReadOnlyDictionary<RecordKey, string> finished, out int kept)
    {
        var pending = new List<(StudyItem, int)>();
        kept = 0;
        foreach (var item in job.Items)
        {
            for (var repeat = 0; repeat < job.Repeats; repeat++)
            {
                if (finished.TryGetValue(new RecordKey(job.Label, item.ItemId, repeat), out var stored) && stored == fingerprint)
                {
                    kept++;
                }
                else
                {
                    pending.Add((item, repeat));
                }
            }
        }

        return pending;
    }
}
