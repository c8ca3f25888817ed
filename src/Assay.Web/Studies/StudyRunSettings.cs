namespace Assay.Web.Studies;

/// <summary>
/// How <c>assay serve</c> runs migration studies started from the browser or the API: where their
/// outputs go, how many run at once, which bundled samples are offered, and which models beyond
/// the offline ones (<c>extractive:</c>, <c>local:</c>, a <c>replay:</c> source uploaded with the
/// study) a study may call. A web user must not make the server call an arbitrary endpoint, so
/// any other model id must be one the server's config already names (services.*.model) or one
/// listed in <see cref="AllowedModels"/>.
/// </summary>
public sealed record StudyRunSettings
{
    /// <summary>Output folder root; null = <c>ASSAY_STUDIES_DIR</c>, else <c>DATA_DIR/studies</c> (the folder the Studies page lists).</summary>
    public string? Directory { get; init; }

    /// <summary>Studies running at once; a start beyond it is refused with 409 (a study uses every core it is given).</summary>
    public int MaxRunning { get; init; } = 1;

    /// <summary>Further model ids a study may use: exact ids, <c>provider:*</c> for every model of a provider, or <c>openai-compatible:URL#*</c> for every model at one endpoint.</summary>
    public IReadOnlyList<string> AllowedModels { get; init; } = [];

    /// <summary>The bundled samples folder; null = <c>ASSAY_SAMPLES</c>, else <c>samples/</c> above the current or the application folder.</summary>
    public string? SamplesDirectory { get; init; }

    /// <summary>How often a progress stream sends a snapshot while calls finish (at most).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
