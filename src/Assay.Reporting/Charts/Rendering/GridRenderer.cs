using System.Xml.Linq;
using Assay.Reporting.Svg;

namespace Assay.Reporting.Charts.Rendering;

internal sealed class GridRenderer(ChartGrid grid)
{
    private const double Gap = 10;

    public XElement Render()
    {
        var top = string.IsNullOrEmpty(grid.Title) ? 0 : 8 + Theme.TitleSize + 8;
        var cellWidth = (grid.Width - (Gap * (grid.Columns - 1))) / grid.Columns;
        var placed = new List<(XElement Svg, double X, double Y, double W, double H)>();
        var y = top;
        for (var row = 0; row * grid.Columns < grid.Charts.Count; row++)
        {
            var rowHeight = 0.0;
            for (var col = 0; col < grid.Columns && (row * grid.Columns) + col < grid.Charts.Count; col++)
            {
                var chart = grid.Charts[(row * grid.Columns) + col];
                var height = cellWidth * chart.Height / chart.Width;
                placed.Add((chart.Render(), col * (cellWidth + Gap), y, cellWidth, height));
                rowHeight = Math.Max(rowHeight, height);
            }

            y += rowHeight + Gap;
        }

        var totalHeight = placed.Count == 0 ? 200 : y - Gap;
        var canvas = new SvgCanvas(grid.Width, totalHeight, grid.Title);
        if (placed.Count == 0)
        {
            canvas.Describe(grid.Description ?? Notes.NoData(canvas, grid.Title, [], grid.NoDataReason));
            return canvas.Root;
        }

        if (top > 0)
        {
            canvas.Add(SvgCanvas.Text(8, 8 + Theme.TitleSize, grid.Title, Theme.TitleSize + 1, bold: true));
        }

        foreach (var (svg, x, cy, w, h) in placed)
        {
            // A nested <svg> with its own viewBox scales the chart into its cell.
            svg.SetAttributeValue("x", Fmt.Coord(x));
            svg.SetAttributeValue("y", Fmt.Coord(cy));
            svg.SetAttributeValue("width", Fmt.Coord(w));
            svg.SetAttributeValue("height", Fmt.Coord(h));
            svg.SetAttributeValue("class", "cell");
            canvas.Add(svg);
        }

        canvas.Describe(grid.Description ?? "Grid of " + placed.Count + " charts: " + string.Join("; ", grid.Charts.Select(c => c.Title).Where(t => t.Length > 0)) + ".");
        return canvas.Root;
    }
}
