namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>One input line: its record id (given or assigned), its <c>modelInput</c> as JSON text, and the file it came from.</summary>
internal sealed record BedrockRecord(int FileIndex, string RecordId, string ModelInputJson);
