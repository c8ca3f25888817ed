namespace Assay.Services.Summaries;

/// <summary>
/// An organised summary of an incident report. <see cref="Method"/> says who wrote it:
/// <c>model:ID</c> (a chat model, JSON validated) or <c>extractive:...</c> (offline: sentences of
/// the report itself, picked by cue words and by the extractive summarizer; nothing is invented).
/// <see cref="Urgency"/> is one of low, medium, high, critical.
/// </summary>
public sealed record IncidentSummary(
    string? Equipment,
    string? Location,
    string? Problem,
    string? ActionsTaken,
    string? NextSteps,
    string Urgency,
    string Text,
    string Method,
    int Chunks,
    string? Note);

/// <summary>A report to summarise; <see cref="Lines"/> limits the text summary to N lines.</summary>
public sealed record SummaryRequest(string Text, int? Lines = null);
