using Assay.Bench;

return await BenchRunner.RunAsync(args).ConfigureAwait(false);
