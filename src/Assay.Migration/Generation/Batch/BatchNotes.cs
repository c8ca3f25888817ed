using System.Globalization;
using Assay.Migration.Evaluation;
using Assay.Migration.Study;

namespace Assay.Migration.Generation.Batch;

/// <summary>What the report and summary.json say about batch-mode models: the jobs, the price used and where latency comes from.</summary>
internal static class BatchNotes
{
    public static IEnumerable<StudyNote> For(IReadOnlyList<GenerationJob> jobs, BatchSettings batch, BatchRunSummary done, Func<ModelSpec, string> price)
    {
        foreach (var job in jobs)
        {
            var sampled = done.LatencySampled.GetValueOrDefault(job.Label);
            var latency = sampled > 0
                ? $"latency and time to first token are sampled on-demand: {sampled} seeded on-demand calls (batch.latencySample: {batch.LatencySample}); their answers are not scored and their cost is not in the per-call figures"
                : "no latency is reported (batch.latencySample is 0, or no batch answer to time)";
            yield return new StudyNote("info", job.Label, $"generation: batch ({job.Model.ModelId} through the provider's batch engine); cost at the batch price, {price(job.Model)}; {latency}.");
            if (done.SampleFailures.TryGetValue(job.Label, out var failed))
            {
                yield return new StudyNote("warning", job.Label, $"{failed.ToString(CultureInfo.InvariantCulture)} of the on-demand latency sample calls failed; latency rests on the rest.");
            }
        }

        if (done.ResumedJobs.Count > 0)
        {
            yield return new StudyNote("info", "generation", $"resumed {done.ResumedJobs.Count} batch job(s) submitted by an earlier run ({string.Join(", ", done.ResumedJobs)}); none was submitted again.");
        }

        if (done.RetriedOnDemand > 0)
        {
            yield return new StudyNote("warning", "generation", $"{done.RetriedOnDemand} records that batch jobs did not answer were called again on demand (batch.retryFailedOnDemand); those calls are priced on demand.");
        }
    }
}
