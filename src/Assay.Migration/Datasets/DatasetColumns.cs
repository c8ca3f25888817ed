namespace Assay.Migration.Datasets;

/// <summary>Which columns (CSV) or fields (JSONL) hold the document and its reference answer.</summary>
public sealed record DatasetColumns(string Document = "document", string? Reference = "referenceResponse");
