using Assay.Models;
using Assay.Services.Configuration;

namespace Assay.Web.Studies;

/// <summary>
/// What a study started on the server may do, checked after the study file is read and before
/// anything runs. Models: offline ones (<c>extractive:</c>, <c>local:</c>, a <c>replay:</c> source),
/// the ids the server's config names (<c>services.*.model</c>; an <c>openai-compatible</c> endpoint
/// named there allows its other models too) and <see cref="StudyRunSettings.AllowedModels"/>;
/// anything else would let a web user make the server call any URL with its credentials. An
/// uploaded study may read only the files uploaded with it, and keeps its run store in its
/// output folder (a <c>postgres:</c> store would read the server's environment).
/// </summary>
internal sealed class StudyModelPolicy
{
    private static readonly HashSet<string> Offline = new(StringComparer.Ordinal) { "extractive", "local" };
    private readonly List<ModelId> _configured = [];
    private readonly List<string> _patterns = [];

    public StudyModelPolicy(ServicesOptions options, StudyRunSettings settings)
    {
        string?[] named = [options.Embeddings.Model, options.Summaries.Model, options.Chat.Model, options.Chat.SummaryModel, options.Rag.AnswerModel];
        foreach (var id in named)
        {
            if (ModelId.TryParse(id, out var parsed, out _))
            {
                _configured.Add(parsed);
            }
        }

        foreach (var entry in settings.AllowedModels.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (entry.EndsWith('*'))
            {
                _patterns.Add(entry[..^1].Trim());
            }
            else if (ModelId.TryParse(entry, out var parsed, out _))
            {
                _configured.Add(parsed);
            }
        }
    }

    /// <summary>Throws a 400 naming the study line and field of the first thing the server will not run.</summary>
    /// <param name="inputFolder">The folder of an uploaded study (its files must stay inside it); null for a bundled sample.</param>
    public void Check(Migration.Study.Study study, string? inputFolder)
    {
        if (study.Store is { } store && !string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new AssayException($"{study.FilePath}: store is not allowed in a study started on the server; remove it (the run store is runs.sqlite in the study's output folder), or run the study with 'assay migrate'.");
        }

        if (inputFolder is not null)
        {
            Inside(inputFolder, study.DatasetPath, study.FilePath, "dataset.path");
            if (study.Source.RecordingPath is { } recording)
            {
                Inside(inputFolder, recording, study.Source.Where, "source.model");
            }
        }

        if (!study.Source.IsReplay)
        {
            Model(study.Source.ModelId, study.Source.Where, "source.model");
        }

        foreach (var candidate in study.Candidates)
        {
            Model(candidate.ModelId, candidate.Where, candidate.Field + ".model");
            if (candidate.Optimizer is "bedrock" && !candidate.ModelId.StartsWith("bedrock:", StringComparison.OrdinalIgnoreCase))
            {
                throw new AssayException($"{candidate.Where} ({candidate.Field}.optimizer): the bedrock optimizer only optimizes bedrock: models on the server; use a chat model id the server allows as the optimizer.");
            }

            if (candidate.Optimizer is { } optimizer and not "bedrock")
            {
                Model(optimizer, candidate.Where, candidate.Field + ".optimizer");
            }
        }

        if (study.EmbeddingModel is { } embedding)
        {
            Model(embedding, study.FilePath, "embeddingModel");
        }

        if (study.Judges is { } judges)
        {
            for (var i = 0; i < judges.Models.Count; i++)
            {
                Model(judges.Models[i].ModelId, study.FilePath, $"judges.models[{i}].model");
            }
        }
    }

    private void Model(string text, string where, string field)
    {
        var id = ModelId.Parse(text);
        if (Offline.Contains(id.Provider) || _configured.Any(c => Same(c, id)) || _patterns.Any(p => Matches(p, id)))
        {
            return;
        }

        var what = id.Provider switch
        {
            "replay" => "a recording may only be the source (replay: is read from the files uploaded with the study)",
            "openai-compatible" => $"the endpoint {id.BaseUrl} is not one this server's config names, and a study started on the server may not call other URLs",
            _ => "it is neither offline nor a model this server's config names",
        };
        throw new AssayException(
            $"{where} ({field}): model '{text}' is not allowed for a study started on the server: {what}. Use offline models (extractive:lead-2, extractive:textrank-3, local:use-lite), a model the server's config names (services.*.model, or the allowed study models), or run the study with 'assay migrate'.");
    }

    // Configured ids match exactly (provider and name); an openai-compatible endpoint in the config allows every model it serves.
    private static bool Same(ModelId configured, ModelId id) =>
        configured.Provider == id.Provider && (configured.BaseUrl is { } url
            ? id.BaseUrl is { } other && Endpoint(url) == Endpoint(other)
            : string.Equals(configured.Name, id.Name, StringComparison.Ordinal));

    private static bool Matches(string prefix, ModelId id)
    {
        if (!ModelId.TryParse(prefix + "x", out var pattern, out _))
        {
            return false;
        }

        return pattern.Provider == id.Provider && (pattern.BaseUrl is { } url
            ? id.BaseUrl is { } other && Endpoint(url) == Endpoint(other)
            : pattern.Name.Length == 1 || id.Name.StartsWith(pattern.Name[..^1], StringComparison.Ordinal));
    }

    private static string Endpoint(Uri url) => url.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant();

    private static void Inside(string folder, string path, string where, string field)
    {
        var relative = Path.GetRelativePath(folder, path);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new AssayException($"{where}: {field} must name a file uploaded with the study (a name such as 'items.csv'); a study started on the server cannot read other files on it.");
        }
    }
}
