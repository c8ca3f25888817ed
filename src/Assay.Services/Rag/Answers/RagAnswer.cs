namespace Assay.Services.Rag.Answers;

/// <summary>A cited source: the file, the page, and the quoted sentence(s) that support the answer.</summary>
public sealed record Citation(int Number, string File, int Page, string Quote, double Relevance);

/// <summary>
/// An answer to a question over an index. <see cref="Found"/> is false when retrieval found
/// nothing relevant enough: the answer then says so plainly. <see cref="Method"/> is
/// <c>extractive</c> (offline: the best cited passages, quoted, no model wrote anything) or
/// <c>model:ID</c> (a chat model wrote the answer from the passages). <see cref="Threshold"/> and
/// <see cref="MinTermCoverage"/> are the gate a passage had to pass (see <see cref="RelevanceGate"/>).
/// </summary>
public sealed record RagAnswer(string Answer, bool Found, string Method, IReadOnlyList<Citation> Citations, double TopRelevance, double Threshold, double MinTermCoverage);
