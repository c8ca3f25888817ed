namespace Assay.Services.Rag.Documents;

/// <summary>The text of one page (1-based). Formats without pages (text, Markdown, DOCX) are one page per document.</summary>
public sealed record DocumentPage(int Number, string Text);

/// <summary>A document read into pages, with the SHA-256 of its bytes (re-ingestion skips unchanged files by it).</summary>
public sealed record LoadedDocument(string FileName, string ContentSha256, IReadOnlyList<DocumentPage> Pages);
