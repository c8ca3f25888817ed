namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>A valid <c>POST /v1/batches</c> body.</summary>
internal sealed record OpenAiBatchRequest(string InputFileId, string Endpoint, string CompletionWindow, IReadOnlyList<KeyValuePair<string, string>>? Metadata);
