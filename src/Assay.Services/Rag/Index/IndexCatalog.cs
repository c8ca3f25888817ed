using System.Collections.Concurrent;

namespace Assay.Services.Rag.Index;

/// <summary>
/// Where each tenant's indexes live (<c>DataDir/tenants/TENANT/indexes/NAME.sqlite</c>) and the
/// in-memory search copy of each, rebuilt after a write. Names are checked against a strict
/// pattern, so neither a tenant nor an index name can reach outside its folder.
/// </summary>
internal sealed class IndexCatalog(string dataDir)
{
    private readonly ConcurrentDictionary<string, Lazy<SearchableIndex>> loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> writeLocks = new(StringComparer.Ordinal);

    public static void ValidateName(string name, string what) => Assay.Names.NameRules.Validate(name, what);

    public string PathOf(string tenant, string index)
    {
        ValidateName(tenant, "Tenant");
        ValidateName(index, "Index name");
        return Path.Combine(dataDir, "tenants", tenant, "indexes", index + ".sqlite");
    }

    public bool Exists(string tenant, string index) => File.Exists(PathOf(tenant, index));

    public IndexStore Open(string tenant, string index) => new(PathOf(tenant, index));

    public IndexStore OpenExisting(string tenant, string index)
    {
        var path = PathOf(tenant, index);
        if (!File.Exists(path))
        {
            throw new IndexNotFoundException(index);
        }

        return new IndexStore(path);
    }

    public SearchableIndex Searchable(string tenant, string index)
    {
        var path = PathOf(tenant, index);
        if (!File.Exists(path))
        {
            throw new IndexNotFoundException(index);
        }

        return loaded.GetOrAdd(path, p => new Lazy<SearchableIndex>(() =>
        {
            var store = new IndexStore(p);
            return new SearchableIndex(store.ReadChunks(), store.GetMeta("embedding_model"));
        })).Value;
    }

    public SemaphoreSlim WriteLock(string tenant, string index) => writeLocks.GetOrAdd(PathOf(tenant, index), _ => new SemaphoreSlim(1, 1));

    public void Invalidate(string tenant, string index) => loaded.TryRemove(PathOf(tenant, index), out _);
}

/// <summary>The tenant has no index by this name (another tenant's index of the same name is not visible).</summary>
public sealed class IndexNotFoundException(string index)
    : AssayException($"Index '{index}' not found: ingest documents into it first (POST /v1/indexes/{index}/documents or assay rag ingest).", ExitCodes.BadInput);
