using Assay.Models;
using Assay.Services.Configuration;

namespace Assay.Services.Access;

/// <summary>
/// Which models a tenant of <c>assay serve</c> may have the server call. Offline models
/// (<c>extractive:</c>, <c>local:</c>) reach nothing and are always allowed. A tenant whose API key
/// lists <c>models</c> may use those only, the server's defaults included. Any other tenant may use
/// the models the server's config names (<c>services.*.model</c>) and <c>services.allowedModels</c>.
/// Anything else is refused: otherwise a client could make the server call any URL or any paid
/// model with the server's credentials. <c>replay:</c> ids read files, so they are allowed only
/// where named exactly.
/// </summary>
public sealed class ModelAccessPolicy
{
    private static readonly HashSet<string> Offline = new(StringComparer.Ordinal) { "extractive", "local" };
    private readonly ModelAllowList _server;
    private readonly Dictionary<string, ModelAllowList> _tenants = new(StringComparer.Ordinal);

    public ModelAccessPolicy(ServicesOptions options)
    {
        string?[] named =
        [
            options.Embeddings.Model, options.Summaries.Model, options.Summaries.OfflineModel, options.Chat.Model,
            options.Chat.SummaryModel, options.Rag.AnswerModel, options.Images.Model,
        ];
        _server = new ModelAllowList(named.Concat(options.AllowedModels), "services.allowedModels");
        foreach (var key in options.ApiKeys.Where(k => k.Models is { Count: > 0 }))
        {
            _tenants[key.Tenant] = new ModelAllowList(key.Models!, $"services.apiKeys (tenant '{key.Tenant}') models");
        }
    }

    /// <summary>True when the tenant (null: the server itself, outside any request) may use the model.</summary>
    public bool Allows(string? tenant, ModelId id) =>
        Offline.Contains(id.Provider)
        || (tenant is not null && _tenants.TryGetValue(tenant, out var own) ? own.Allows(id) : _server.Allows(id));

    /// <summary>Throws <see cref="ModelNotAllowedException"/> naming the model and the setting that would allow it.</summary>
    public void Check(string? tenant, string modelId)
    {
        var id = ModelId.Parse(modelId);
        if (Allows(tenant, id))
        {
            return;
        }

        var shown = id.Provider == "replay" ? "replay:(a recording)" : modelId;
        var setting = tenant is not null && _tenants.ContainsKey(tenant)
            ? $"this API key's models list (services.apiKeys, tenant '{tenant}')"
            : "services.allowedModels (or a services.*.model setting)";
        throw new ModelNotAllowedException($"Model '{shown}' is not allowed for this API key: ask the server's operator to add it to {setting}, or use an allowed model.");
    }
}
