namespace Assay.FakeServer.Options;

/// <summary>How the fake server composes a reply from the last user message.</summary>
public enum AnswerMode
{
    /// <summary>The first sentence of the last user message (ends at . ! or ? followed by a space or the end).</summary>
    FirstSentence,

    /// <summary>The last user message, unchanged.</summary>
    Echo,

    /// <summary>The reply of the first <see cref="ScriptedReply"/> whose pattern matches; otherwise <see cref="AnswerOptions.Fallback"/>.</summary>
    Scripted,
}

/// <summary>A regular expression over the last user message and the reply it produces (<c>$1</c> etc. insert groups).</summary>
public sealed record ScriptedReply(string Pattern, string Reply);

public sealed record AnswerOptions
{
    public AnswerMode Mode { get; init; } = AnswerMode.FirstSentence;

    /// <summary>Tried in order when <see cref="Mode"/> is <see cref="AnswerMode.Scripted"/>.</summary>
    public IReadOnlyList<ScriptedReply> Scripts { get; init; } = [];

    /// <summary>Used when no script matches (must not be <see cref="AnswerMode.Scripted"/>).</summary>
    public AnswerMode Fallback { get; init; } = AnswerMode.FirstSentence;
}
