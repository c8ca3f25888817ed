using Assay.Credit.Pipeline;

namespace Assay.Credit.Outputs;

/// <summary>report.html: placeholder until the charts are wired to Assay.Reporting.</summary>
internal static class CreditReport
{
    public static string Build(CreditRunResult result, DateTimeOffset generatedAt) =>
        $"<!doctype html><title>{result.Name}</title><p>generated {generatedAt:u}</p>";
}
