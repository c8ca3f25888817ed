using Assay.Services.Rag.Chunking;

namespace Assay.Services.Rag.Index;

/// <summary>A stored passage with its unit-length embedding.</summary>
public sealed record IndexedChunk(long Id, Chunk Chunk, float[] Vector);

/// <summary>A document in an index: name, content hash, page and passage counts, when ingested (UTC, ISO 8601).</summary>
public sealed record IndexedDocument(string FileName, string ContentSha256, int Pages, int Chunks, string IngestedAt);
