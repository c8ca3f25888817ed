namespace Assay.Services.Rag.Evaluation;

/// <summary>
/// One labelled question. A passage is relevant when it is from <see cref="File"/> (if given)
/// and <see cref="Page"/> (if given) and contains every <see cref="Evidence"/> string (case- and
/// whitespace-insensitive). No evidence and no page = the documents cannot answer it
/// (the "not in the documents" gate is scored on those).
/// </summary>
public sealed record QaItem(int Line, string Question, string? File, int? Page, IReadOnlyList<string> Evidence)
{
    public bool Answerable => Evidence.Count > 0 || Page is not null;
}
