namespace Assay.Migration.Evaluation;

/// <summary>A finding of an earlier stage (e.g. "candidate nova-lite: {context} appears twice") carried into the outputs.</summary>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>error</c>.</param>
/// <param name="Subject">What it is about: a model label, a prompt, the dataset.</param>
/// <param name="Message">One sentence a reader can act on.</param>
public sealed record StudyNote(string Severity, string Subject, string Message);
