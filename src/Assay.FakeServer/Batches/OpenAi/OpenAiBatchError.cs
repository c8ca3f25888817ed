namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>One entry of a failed batch's <c>errors.data</c>: why the input file was refused, with its 1-based line.</summary>
internal sealed record OpenAiBatchError(string Code, string Message, string? Param, int? Line);
