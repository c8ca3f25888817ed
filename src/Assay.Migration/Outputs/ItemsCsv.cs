using System.Globalization;
using Assay.Migration.Evaluation;

namespace Assay.Migration.Outputs;

/// <summary>
/// items.csv: the per-item review as a table, one row per item (every item, however many): the
/// document and reference, then per model its status, first answer and each metric's mean over
/// repeats, and per candidate the paired difference from the source on the primary metric.
/// </summary>
internal static class ItemsCsv
{
    /// <summary>The header and the rows, made as they are read (streamed to the file by <see cref="CsvText.WriteFileAsync"/>).</summary>
    public static (IEnumerable<string> Header, IEnumerable<IEnumerable<string?>> Rows) Table(StudyResults r)
    {
        var (_, items) = ItemReview.Build(r);
        var primary = r.PrimaryQualityMetric;
        var header = new List<string> { "item_id", "row", "document", "reference" };
        foreach (var m in r.Models)
        {
            header.AddRange([m.Label + ":status", m.Label + ":response"]);
            header.AddRange(r.Metrics.Select(x => m.Label + ":" + x));
            if (!m.IsSource && primary is not null)
            {
                header.Add(m.Label + ":difference:" + primary);
            }
        }

        return (header, items.Select(item =>
        {
            var cells = new List<string?> { item.ItemId, item.Row.ToString(CultureInfo.InvariantCulture), item.Document, item.Reference };
            foreach (var (m, cell) in r.Models.Zip(item.Cells))
            {
                cells.Add(cell.Response is not null ? "ok" : cell.Error is ItemReview.NoCall ? "" : "failed");
                cells.Add(cell.Response ?? cell.Error);
                cells.AddRange(r.Metrics.Select(x => cell.Scores.TryGetValue(x, out var v) ? CsvText.Number(v) : ""));
                if (!m.IsSource && primary is not null)
                {
                    cells.Add(CsvText.Number(cell.Difference));
                }
            }

            return cells;
        }));
    }
}
