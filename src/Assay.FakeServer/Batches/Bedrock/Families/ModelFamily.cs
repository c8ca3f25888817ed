using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Routes;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// One model family's InvokeModel body: a batch record's <c>modelInput</c> is read as that
/// family's request and its <c>modelOutput</c> written as that family's response.
/// </summary>
internal abstract class ModelFamily
{
    /// <summary>The model-id prefix that selects the family (<c>anthropic.</c>).</summary>
    public abstract string Prefix { get; }

    /// <returns>The request, or an error message naming the field (the record's <c>errorMessage</c>).</returns>
    public abstract (ChatRequest? Request, string? Error) Read(string modelId, JsonElement modelInput);

    /// <param name="w">Where the <c>modelOutput</c> object goes.</param>
    /// <param name="request">What <see cref="Read"/> returned.</param>
    /// <param name="answer">The composed answer.</param>
    /// <param name="responseId">An id for families whose responses carry one.</param>
    public abstract void WriteOutput(Utf8JsonWriter w, ChatRequest request, Answer answer, string responseId);
}
