namespace Assay.Services.Rag.Evaluation;

/// <summary>
/// One labelled question. A passage is relevant when it is from <see cref="File"/> (if given)
/// and <see cref="Page"/> (if given) and contains every <see cref="Evidence"/> string (case- and
/// whitespace-insensitive). No evidence and no page = the documents cannot answer it (the
/// answerability checks are scored on those). <see cref="Split"/> is <c>dev</c> (rules and
/// thresholds may be chosen on it) or <c>test</c> (reported, never tuned on); <see cref="Kind"/>
/// tells unanswerable questions apart: <c>near-topic</c> or <c>off-topic</c>.
/// </summary>
public sealed record QaItem(int Line, string Question, string? File, int? Page, IReadOnlyList<string> Evidence, string Split = "all", string? Kind = null)
{
    public bool Answerable => Evidence.Count > 0 || Page is not null;
}
