namespace Assay.FakeServer.Routes;

/// <summary>What the fake needs from a chat request, whichever protocol it came in.</summary>
internal sealed record ChatRequest(string Model, string LastUserMessage, IReadOnlyList<string> AllTexts, int? MaxTokens)
{
    public bool Stream { get; init; }

    public bool IncludeUsage { get; init; }

    public int Choices { get; init; } = 1;
}
