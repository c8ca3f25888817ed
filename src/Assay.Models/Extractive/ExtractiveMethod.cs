namespace Assay.Models.Extractive;

/// <summary>An extractive method: picks whole sentences from the document, writes nothing new.</summary>
internal interface IExtractiveMethod
{
    /// <summary>What the output says it is, e.g. "lead-1: the document's first sentence".</summary>
    string Description { get; }

    /// <summary>Indices of the chosen sentences, in document order.</summary>
    IReadOnlyList<int> Select(IReadOnlyList<string> sentences);
}

/// <summary>The first N sentences: the classic lead baseline for news summarization.</summary>
internal sealed class LeadMethod(int count) : IExtractiveMethod
{
    public string Description => $"lead-{count}: the document's first {count} sentence(s), copied verbatim";

    public IReadOnlyList<int> Select(IReadOnlyList<string> sentences) =>
        [.. Enumerable.Range(0, Math.Min(count, sentences.Count))];
}
