using Assay.Services.Rag.Index;

namespace Assay.Services.Rag.Answers;

/// <summary>A retrieved passage that supports an answer, with the sentence(s) that answer (line breaks kept).</summary>
public sealed record SupportedPassage(SearchHit Hit, string Quote, double SentenceCoverage);

/// <summary>
/// Whether the documents answer a question, which check decided it and why:
/// <c>relevance-gate</c> (no passage relevant enough), <c>answer-type</c> (the question asks for
/// a quantity, duration, date, name or contact and no sentence holds one tied to its focus terms),
/// <c>focus-terms</c> (an untyped question whose focus terms no single sentence covers),
/// <c>grounding</c> (an answer model's quote is not verbatim in the passages, or it said the
/// documents do not answer).
/// </summary>
public sealed record AnswerDecision(bool Found, string Check, string Reason, AnswerType Type, IReadOnlyList<SupportedPassage> Support);
