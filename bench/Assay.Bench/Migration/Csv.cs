namespace Assay.Bench.Migration;

/// <summary>RFC 4180 quoting for the datasets the migration benchmarks write.</summary>
internal static class Csv
{
    public static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
