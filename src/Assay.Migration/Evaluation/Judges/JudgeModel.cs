using Microsoft.Extensions.AI;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>A judge: a chat client from <c>IModelFactory.CreateChatClient(ModelId)</c> and its name in the report.</summary>
public sealed record JudgeModel
{
    /// <summary>Short name used in metric columns, e.g. <c>nova-pro</c>.</summary>
    public required string Name { get; init; }

    public required string ModelId { get; init; }

    public required IChatClient Client { get; init; }
}
