namespace Assay.FakeServer.Answers;

/// <summary>A composed reply: its text, its pieces (one per output token), and whether it hit the token limit.</summary>
internal sealed record Answer(string Text, IReadOnlyList<string> Pieces, int InputTokens, bool Truncated)
{
    public int OutputTokens => Pieces.Count;
}
