namespace Assay.Migration.Outputs;

/// <summary>summary.json (schema documented in summary-schema.md).</summary>
internal static class SummaryJson
{
    public const string SchemaVersion = "1";
}
