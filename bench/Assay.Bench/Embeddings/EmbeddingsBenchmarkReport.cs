using System.Globalization;
using System.Net;
using System.Text;

namespace Assay.Bench.Embeddings;

/// <summary>The benchmark's figures as a self-contained HTML page with SVG bar charts.</summary>
internal static class EmbeddingsBenchmarkReport
{
    public static string Html(int sentences, int cores, IReadOnlyList<BenchRow> rows, double csharpMb, double tfjsMb)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html><head><meta charset="utf-8"><title>local:use-lite benchmark</title>
            <style>body{"{"}font-family:sans-serif;margin:2em;max-width:760px{"}"} td,th{"{"}padding:4px 10px;text-align:right{"}"} td:first-child,th:first-child{"{"}text-align:left{"}"}</style></head><body>
            <h1>Universal Sentence Encoder lite: C# vs TensorFlow.js</h1>
            <p>{sentences} sentences (the fidelity reference set), batches of 32, {cores} cores, one run each on the same machine.
            Throughput in sentences per second (higher is better); memory is the resident-set growth from loading the model and embedding one batch (lower is better).</p>
            """);
        html.Append("<h2>Sentences per second</h2>");
        var max = rows.Max(r => Math.Max(r.CSharp, r.Tfjs));
        html.Append(Bars(rows.SelectMany(r => new[] { ($"{r.Run}: C#", r.CSharp, "#2b6cb0"), ($"{r.Run}: TensorFlow.js", r.Tfjs, "#c05621") }).ToList(), max, "sentences/s"));
        html.Append("<table><tr><th>run</th><th>C# sentences/s</th><th>TensorFlow.js sentences/s</th><th>speed-up (target &ge; 3x)</th></tr>");
        foreach (var r in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(r.Run)}</td><td>{r.CSharp:F1}</td><td>{r.Tfjs:F1}</td><td>{r.CSharp / r.Tfjs:F2}x</td></tr>");
        }

        html.Append("</table><h2>Memory of the loaded model</h2>");
        html.Append(Bars([("C#", csharpMb, "#2b6cb0"), ("TensorFlow.js", tfjsMb, "#c05621")], Math.Max(csharpMb, Math.Max(tfjsMb, 150)), "MB"));
        html.Append(CultureInfo.InvariantCulture, $"<p>Target: under 150 MB. C# {csharpMb:F1} MB, TensorFlow.js {tfjsMb:F1} MB.</p></body></html>\n");
        return html.ToString();
    }

    private static string Bars(IReadOnlyList<(string Label, double Value, string Color)> bars, double max, string unit)
    {
        const int rowHeight = 28, labelWidth = 230, barWidth = 420;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 120}\" height=\"{(bars.Count * rowHeight) + 10}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, color) = bars[i];
            var y = (i * rowHeight) + 5;
            var width = max <= 0 ? 0 : value / max * barWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"13\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width:F1}\" height=\"{rowHeight - 8}\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:F1}\" y=\"{y + 17}\" font-size=\"13\">{value:F1} {unit}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
