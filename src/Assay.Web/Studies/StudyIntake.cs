using System.Text.RegularExpressions;
using Assay.Migration.Study;
using Assay.Services.Access;
using Assay.Web.Security;
using Microsoft.AspNetCore.Http;

namespace Assay.Web.Studies;

/// <summary>
/// Turns a start request into a checked study in its own output folder. The request is a
/// multipart form with either <c>sample</c> (a bundled study, by its id) or <c>study</c> (the
/// study file, as a file or as text) plus the files it names as <c>file</c> fields (dataset,
/// recording). An upload is written to a staging folder, read by <see cref="StudyLoader"/>
/// (whose errors name the line and field), checked by <see cref="StudyModelPolicy"/>, then
/// moved to <c>OUTPUT/input/</c>. Messages show file names, never the server's folders.
/// </summary>
internal static partial class StudyIntake
{
    public const string Usage = "send a multipart form with 'sample' (a bundled study id from GET /v1/studies/samples), or 'study' (the study file, as a file or as its text) and its data files as 'file' fields";

    public static async Task<PreparedStudy> PrepareAsync(HttpRequest request, StudyRunRegistry registry, StudySamples samples, StudyModelPolicy policy, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new AssayException($"The body is not a form: {Usage}.");
        }

        var tenant = request.HttpContext.Tenant();
        var form = await request.ReadFormAsync(cancellationToken);
        var sample = form["sample"].ToString();
        var studyFile = form.Files.GetFile("study");
        var studyText = form["study"].ToString();
        var given = (sample.Length > 0 ? 1 : 0) + (studyFile is not null ? 1 : 0) + (studyText.Length > 0 ? 1 : 0);
        if (given != 1)
        {
            throw new AssayException(given == 0 ? $"The form names no study: {Usage}." : $"The form names more than one study: {Usage}, not several.");
        }

        if (sample.Length > 0)
        {
            var chosen = samples.Find(sample);
            string Clean(string text) => text.Replace(Path.GetDirectoryName(chosen.Path)! + Path.DirectorySeparatorChar, "samples/" + Path.GetDirectoryName(chosen.Id) + "/", StringComparison.Ordinal)
                .Replace(registry.RootOf(tenant) + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
            var study = Checked(() => StudyLoader.Load(chosen.Path), s => policy.Check(s, tenant), Clean);
            var (id, output) = registry.CreateOutputFolder(tenant, study.Name);
            return new PreparedStudy(study, id, output, "sample samples/" + chosen.Id, ModelsOf(study), Clean);
        }

        var stage = Path.Combine(registry.Root, ".incoming-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stage);
        try
        {
            var studyName = studyFile is null ? "study.yaml" : SafeName(studyFile.FileName, "study");
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { studyName };
            await SaveAsync(studyFile, studyText, Path.Combine(stage, studyName), cancellationToken);
            foreach (var file in form.Files.GetFiles("file"))
            {
                var name = SafeName(file.FileName, "file");
                if (!names.Add(name))
                {
                    throw new AssayException($"Two uploaded files are named '{name}': every file of a study needs its own name.");
                }

                await SaveAsync(file, null, Path.Combine(stage, name), cancellationToken);
            }

            string CleanStage(string text) => text.Replace(stage + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
                + (text.Contains("does not exist", StringComparison.Ordinal) ? " Upload the files the study names together with it (as 'file' fields), under those names." : string.Empty);
            var staged = Checked(() => StudyLoader.Load(Path.Combine(stage, studyName), sandbox: stage), s => policy.Check(s, tenant), CleanStage);
            var (id, output) = registry.CreateOutputFolder(tenant, staged.Name);
            var input = Path.Combine(output, "input");
            Directory.Move(stage, input);
            string Clean(string text) => text.Replace(input + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
                .Replace(registry.RootOf(tenant) + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
            var study = Checked(() => StudyLoader.Load(Path.Combine(input, studyName), sandbox: input), s => policy.Check(s, tenant), Clean);
            return new PreparedStudy(study, id, output, "upload " + studyName, ModelsOf(study), Clean);
        }
        finally
        {
            if (Directory.Exists(stage))
            {
                Directory.Delete(stage, recursive: true);
            }
        }
    }

    // The labels generation reports progress under: a live source, then the candidates.
    private static IReadOnlyList<string> ModelsOf(Study study) =>
        [.. (study.Source.IsReplay ? [] : new[] { study.Source.Name }).Concat(study.Candidates.Select(c => c.Name))];

    private static Study Checked(Func<Study> load, Action<Study> check, Func<string, string> clean)
    {
        try
        {
            var study = load();
            check(study);
            return study;
        }
        catch (ModelNotAllowedException ex)
        {
            throw new ModelNotAllowedException(clean(ex.Message));
        }
        catch (AssayException ex)
        {
            throw new AssayException(clean(ex.Message), ex.ExitCode, ex);
        }
    }

    private static async Task SaveAsync(IFormFile? file, string? text, string path, CancellationToken cancellationToken)
    {
        await using var target = File.Create(path);
        if (file is not null)
        {
            await file.CopyToAsync(target, cancellationToken);
        }
        else
        {
            await using var writer = new StreamWriter(target);
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }
    }

    // A plain file name (no folder, no leading dot): the study refers to its files by these names.
    private static string SafeName(string fileName, string field)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (!FileName().IsMatch(name))
        {
            throw new AssayException($"Uploaded '{field}' file name '{fileName}' is not usable: name files with letters, digits, '.', '_' or '-' (such as items.csv), as the study file refers to them.");
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FileName();
}
