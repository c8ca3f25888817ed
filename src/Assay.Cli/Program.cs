using Assay.Cli;

return await AssayCommandLine.RunAsync(args).ConfigureAwait(false);
