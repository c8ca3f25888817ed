namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>A file in the fake's OpenAI file store: an upload, or a batch's output or error file.</summary>
internal sealed record StoredFile(string Id, string Filename, string Purpose, long CreatedAt, byte[] Content)
{
    public long Bytes => Content.LongLength;
}
