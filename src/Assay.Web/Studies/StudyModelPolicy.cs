using Assay.Models;
using Assay.Services.Access;

namespace Assay.Web.Studies;

/// <summary>
/// What a study started on the server may do, checked after the study file is read and before
/// anything runs. Models: offline ones (<c>extractive:</c>, <c>local:</c>, a <c>replay:</c> source),
/// and what <see cref="ModelAccessPolicy"/> allows the tenant (the ids the server's config names,
/// <c>services.allowedModels</c>, or the API key's own models list);
/// anything else would let a web user make the server call any URL with its credentials. A study
/// keeps its run store in its output folder (a <c>postgres:</c> store would read the server's
/// environment). That an uploaded study reads only its own files is checked earlier, by
/// <see cref="Migration.Study.StudyLoader"/>'s sandbox, before any file's existence is.
/// </summary>
internal sealed class StudyModelPolicy(ModelAccessPolicy access)
{
    /// <summary>Throws a 400 naming the study line and field of the first thing the server will not run.</summary>
    public void Check(Migration.Study.Study study, string? tenant)
    {
        if (study.Store is { } store && !string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new AssayException($"{study.FilePath}: store is not allowed in a study started on the server; remove it (the run store is runs.sqlite in the study's output folder), or run the study with 'assay migrate'.");
        }

        if (!study.Source.IsReplay)
        {
            Model(study.Source.ModelId, study.Source.Where, "source.model", tenant);
        }

        foreach (var candidate in study.Candidates)
        {
            Model(candidate.ModelId, candidate.Where, candidate.Field + ".model", tenant);
            if (candidate.Optimizer is "bedrock" && !candidate.ModelId.StartsWith("bedrock:", StringComparison.OrdinalIgnoreCase))
            {
                throw new AssayException($"{candidate.Where} ({candidate.Field}.optimizer): the bedrock optimizer only optimizes bedrock: models on the server; use a chat model id the server allows as the optimizer.");
            }

            if (candidate.Optimizer is { } optimizer and not "bedrock")
            {
                Model(optimizer, candidate.Where, candidate.Field + ".optimizer", tenant);
            }
        }

        if (study.EmbeddingModel is { } embedding)
        {
            Model(embedding, study.FilePath, "embeddingModel", tenant);
        }

        if (study.Judges is { } judges)
        {
            for (var i = 0; i < judges.Models.Count; i++)
            {
                Model(judges.Models[i].ModelId, study.FilePath, $"judges.models[{i}].model", tenant);
            }
        }
    }

    private void Model(string text, string where, string field, string? tenant)
    {
        var id = ModelId.Parse(text);
        if (id.Provider != "replay" && access.Allows(tenant, id))
        {
            return;
        }

        var what = id.Provider switch
        {
            "replay" => "a recording may only be the source (replay: is read from the files uploaded with the study)",
            "openai-compatible" => $"the endpoint {id.BaseUrl} is not one this server's config names, and a study started on the server may not call other URLs",
            _ => "it is neither offline nor a model this server's config names",
        };
        throw new ModelNotAllowedException(
            $"{where} ({field}): model '{text}' is not allowed for a study started on the server: {what}. Use offline models (extractive:lead-2, extractive:textrank-3, local:use-lite), a model the server's config names (services.*.model, services.allowedModels, or this API key's models list), or run the study with 'assay migrate'.");
    }
}
