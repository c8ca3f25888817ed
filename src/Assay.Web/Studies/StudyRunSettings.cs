namespace Assay.Web.Studies;

/// <summary>
/// How <c>assay serve</c> runs migration studies started from the browser or the API: where their
/// outputs go, how many run at once, which bundled samples are offered, and which models beyond
/// the offline ones a study may call: those come from <c>services.allowedModels</c> and the API
/// key's models list, checked by <see cref="StudyModelPolicy"/>.
/// </summary>
public sealed record StudyRunSettings
{
    /// <summary>Output folder root; null = <c>ASSAY_STUDIES_DIR</c>, else <c>DATA_DIR/studies</c> (the folder the Studies page lists).</summary>
    public string? Directory { get; init; }

    /// <summary>Studies running at once; a start beyond it is refused with 409 (a study uses every core it is given).</summary>
    public int MaxRunning { get; init; } = 1;

    /// <summary>The bundled samples folder; null = <c>ASSAY_SAMPLES</c>, else <c>samples/</c> above the current or the application folder.</summary>
    public string? SamplesDirectory { get; init; }

    /// <summary>How often a progress stream sends a snapshot while calls finish (at most).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
