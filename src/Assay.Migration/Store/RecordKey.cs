namespace Assay.Migration.Store;

/// <summary>The identity of one call in a study: model label, item, repeat. The store's primary key (with the study name).</summary>
public readonly record struct RecordKey(string Model, string ItemId, int Repeat);
