namespace Assay.Services.Rag.Chunking;

/// <summary>A passage of one page: the unit that is embedded, indexed, retrieved and cited.</summary>
public sealed record Chunk(string FileName, int Page, int Ordinal, string Text);
