namespace Assay.Services.Rag.Answers;

/// <summary>A cited source: the file, the page, and the quoted sentence(s) that answer (line breaks kept).</summary>
public sealed record Citation(int Number, string File, int Page, string Quote, double Relevance);

/// <summary>
/// An answer to a question over an index. <see cref="Found"/> is false when the documents do not
/// answer it: the answer then says so plainly. <see cref="Check"/> names the check that decided
/// (see <see cref="AnswerDecision"/>) and <see cref="Reason"/> says why. <see cref="Method"/> is
/// <c>extractive</c> (offline: the answering sentences quoted, no model wrote anything) or
/// <c>model:ID</c> (a chat model wrote the answer from the passages); <see cref="ModelSetting"/>
/// says which setting chose it. <see cref="Threshold"/> and <see cref="MinTermCoverage"/> are the
/// relevance gate a passage had to pass (see <see cref="RelevanceGate"/>).
/// </summary>
public sealed record RagAnswer(
    string Answer,
    bool Found,
    string Method,
    string ModelSetting,
    string Check,
    string Reason,
    IReadOnlyList<Citation> Citations,
    double TopRelevance,
    double Threshold,
    double MinTermCoverage);
