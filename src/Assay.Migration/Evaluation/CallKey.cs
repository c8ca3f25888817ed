using Assay.Migration.Runs;

namespace Assay.Migration.Evaluation;

/// <summary>The key of one stored call: model, item and repeat (the run store's key).</summary>
internal static class CallKey
{
    public static string Of(GenerationRecord r) => r.Model + "\u001f" + r.ItemId + "\u001f" + r.Repeat.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
