namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>One valid input line: its 1-based line number, its <c>custom_id</c> and its <c>body</c> (a chat request) as JSON text.</summary>
internal sealed record OpenAiBatchLine(int LineNumber, string CustomId, string BodyJson);
