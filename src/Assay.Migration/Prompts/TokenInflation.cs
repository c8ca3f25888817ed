using Assay.Migration.Runs;
using Assay.Models.Tokenization;

namespace Assay.Migration.Prompts;

/// <summary>
/// Input-token inflation of a candidate's prompt against the source prompt, measured on the
/// study's own documents (mean tokens of the filled prompts), so a template that repeats the
/// document shows up as about 2x before a single call is paid for.
/// </summary>
public sealed record TokenInflation(string Model, double MeanInputTokens, double SourceMeanInputTokens, string Method)
{
    /// <summary>Candidate mean / source mean (1.0 = same input size).</summary>
    public double Ratio => SourceMeanInputTokens > 0 ? MeanInputTokens / SourceMeanInputTokens : double.NaN;

    public static TokenInflation Measure(string model, PromptTemplate candidate, PromptTemplate source, IReadOnlyList<StudyItem> items, ITokenCounter counter)
    {
        if (items.Count == 0)
        {
            return new(model, 0, 0, counter.Method);
        }

        var candidateMean = items.Average(i => (double)counter.Count(candidate.Fill(i.Document)));
        var sourceMean = items.Average(i => (double)counter.Count(source.Fill(i.Document)));
        return new(model, candidateMean, sourceMean, counter.Method);
    }
}
