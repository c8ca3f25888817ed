using System.Globalization;
using Assay.Services.Configuration;
using Assay.Services.Rag.Index;

namespace Assay.Services.Rag.Answers;

/// <summary>
/// The "not in the documents" gate: a passage may support an answer only when its relevance
/// (mean of cosine and IDF-weighted query-term coverage) reaches <see cref="Threshold"/> AND its
/// IDF-weighted query-term coverage alone reaches <see cref="MinCoverage"/>. The second test
/// catches a question whose rarest term is absent from the passage ("maternity leave" against a
/// passage on "parental leave") but whose cosine is high because the topic is close.
/// </summary>
public sealed record RelevanceGate
{
    public RelevanceGate(double threshold, double minCoverage)
    {
        Threshold = Check(threshold, "services.rag.relevanceThreshold");
        MinCoverage = Check(minCoverage, "services.rag.minTermCoverage");
    }

    /// <summary>Least relevance (0..1) of a passage that may support an answer.</summary>
    public double Threshold { get; }

    /// <summary>Least IDF-weighted share (0..1) of the question's terms that the passage must contain.</summary>
    public double MinCoverage { get; }

    public static RelevanceGate From(RagOptions options) => new(options.RelevanceThreshold, options.MinTermCoverage);

    public bool Admits(SearchHit hit) => Admits(hit.Relevance, hit.Coverage);

    public bool Admits(double relevance, double coverage) => relevance >= Threshold && coverage >= MinCoverage;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"relevance >= {Threshold:F3} and term coverage >= {MinCoverage:F3}");

    private static double Check(double value, string setting) =>
        value is >= 0 and <= 1 ? value : throw new AssayException(string.Create(CultureInfo.InvariantCulture, $"Setting {setting} is {value}: use a value from 0 to 1."));
}
