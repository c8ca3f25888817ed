using System.Text.Json;
using Assay.Migration.Statistics;

namespace Assay.Migration.Outputs;

/// <summary>summary.json's small-n fields of a comparison: the interval method, the minPairedItems flag, and the sample-size plan.</summary>
internal static class ComparisonPlanJson
{
    public static void Write(Utf8JsonWriter w, PairedComparison c)
    {
        w.WriteString("interval_method", c.IntervalMethod);
        w.WriteBoolean("below_min_paired_items", c.BelowMinPairedItems);
        if (c.Margin is null)
        {
            return;
        }

        if (c.ItemsNeeded is { } needed)
        {
            w.WriteNumber("items_needed", needed);
        }
        else
        {
            w.WriteNull("items_needed");
            w.WriteString("items_needed_reason", c.ItemsNeededReason);
        }
    }
}
