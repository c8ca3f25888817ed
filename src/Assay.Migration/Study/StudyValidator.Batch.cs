namespace Assay.Migration.Study;

// Generation modes and the batch section: which models go to their provider's batch engine, and how.
internal sealed partial class StudyValidator
{
    // Study-wide batch mode applies to the models whose provider has a batch engine; the others (extractive:, local) run on demand.
    private bool StudyMode => ReadMode(file.Generation?.Mode, "generation.mode", null, null) ?? false;

    // True for batch, false for on demand, null when not written.
    private bool? ReadMode(string? mode, string field, string? recording, string? model)
    {
        var batch = mode?.Trim().ToLowerInvariant() switch
        {
            null => (bool?)null,
            "batch" => true,
            "ondemand" or "on-demand" => false,
            _ => throw Error(field, $"is '{mode}'; use 'batch' (the provider's batch engine: lower price, answers within hours) or 'onDemand' (one call per item, the default)"),
        };
        Check(batch != true || recording is null, field, "is 'batch' for a recording; a replayed model answers with what was recorded: remove 'generation'");
        Check(batch != true || model is null || BatchCapable(model), field, $"is 'batch' but '{model}' has no provider batch engine; batch mode runs bedrock:, openai: and openai-compatible: models");
        return batch;
    }

    private static bool BatchCapable(string model) =>
        model.StartsWith("bedrock:", StringComparison.OrdinalIgnoreCase) || model.StartsWith("openai:", StringComparison.OrdinalIgnoreCase) || model.StartsWith("openai-compatible:", StringComparison.OrdinalIgnoreCase);

    private BatchSettings? ReadBatch(IReadOnlyList<ModelSpec> batched)
    {
        var section = file.Batch;
        if (batched.Count == 0)
        {
            Check(section is null, "batch", "is set but no model is in batch mode; add 'mode: batch' under 'generation' (every live model) or under a candidate's 'generation', or remove 'batch'");
            return null;
        }

        section ??= new BatchSection();
        if (batched.Any(m => m.ModelId.StartsWith("bedrock:", StringComparison.OrdinalIgnoreCase)))
        {
            Check(section.S3Uri?.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) == true, "batch.s3Uri", "is missing or not an S3 location; Bedrock batch jobs read and write S3: write 's3Uri: s3://BUCKET/PREFIX/'");
            Check(section.RoleArn?.StartsWith("arn:", StringComparison.Ordinal) == true, "batch.roleArn", "is missing or not an ARN; Bedrock batch jobs run as a service role that may read and write batch.s3Uri: write 'roleArn: arn:aws:iam::ACCOUNT:role/NAME'");
        }

        Check(section.LatencySample is null or (>= 0 and <= 10_000), "batch.latencySample", "must be between 0 and 10000 on-demand calls per model (0 = report no latency)");
        Check(section.PollSeconds is null or (>= 0.05 and <= 3600), "batch.pollSeconds", "must be between 0.05 and 3600 seconds");
        Check(section.MaxWaitHours is null or (> 0 and <= 168), "batch.maxWaitHours", "must be above 0 and at most 168 hours (a week)");
        return new BatchSettings(
            section.S3Uri,
            section.RoleArn,
            section.LatencySample ?? 30,
            section.RetryFailedOnDemand ?? false,
            TimeSpan.FromSeconds(section.PollSeconds ?? 60),
            TimeSpan.FromHours(section.MaxWaitHours ?? 48));
    }

    private (decimal, decimal)? ReadBatchPrice(PriceSection? price, string field)
    {
        if (price is null || (price.BatchInputPer1k is null && price.BatchOutputPer1k is null))
        {
            return null;
        }

        Check(price.BatchInputPer1k is >= 0 && price.BatchOutputPer1k is >= 0, field, "needs both batchInputPer1k and batchOutputPer1k, in US dollars per 1,000 tokens (non-negative)");
        return (price.BatchInputPer1k!.Value, price.BatchOutputPer1k!.Value);
    }
}
