using Assay.Migration.Prompts;
using Assay.Migration.Runs;
using Assay.Migration.Study;

namespace Assay.Migration.Generation;

/// <summary>
/// One model to call on a set of items: its label in the results (<see cref="Label"/>, normally the
/// model's name; an optimizer's trial prompts get their own labels), the template actually sent,
/// and the items and repeats.
/// </summary>
public sealed record GenerationJob(ModelSpec Model, string Label, PromptTemplate Prompt, IReadOnlyList<StudyItem> Items, int Repeats)
{
    public int Calls => Items.Count * Repeats;
}
