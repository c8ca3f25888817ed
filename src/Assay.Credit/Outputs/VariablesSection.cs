using System.Globalization;
using Assay.Credit.Pipeline;
using Assay.Credit.Woe;
using Assay.Reporting.Charts;
using Assay.Reporting.Html;

namespace Assay.Credit.Outputs;

/// <summary>The report's variables section: IV per variable with its band, advice and binning outcome, then WoE per class of the model's variables.</summary>
internal static class VariablesSection
{
    /// <summary>Longer class labels are shortened on chart axes (the table below each chart gives them in full).</summary>
    private const int ChartLabelLength = 16;

    public static void Add(HtmlReport report, PdResult pd)
    {
        var s = report.AddSection("Variables: information value and WoE");
        var table = new ReportTable("variable", "type", "classes", "IV", "IV band", "status", "binning")
        {
            Caption = F($"Information value of each candidate variable on the training split, and what became of it: a variable is offered to the regression when its IV is at least model.min_iv ({pd.MinIv}) and stays when backward elimination finds a dummy with Wald p < model.p_value ({pd.PValueThreshold}). Binning: algorithm, IV of the regular classes it reached, whether that is the proven optimum, time."),
        };
        foreach (var v in pd.Variables.OrderByDescending(v => v.Iv))
        {
            var kind = v.IvBand == "suspicious" ? CalloutKind.Warn : (CalloutKind?)null;
            table.AddRow(kind, v.Variable, v.Type, v.Woe.Rows.Count.ToString(CultureInfo.InvariantCulture), F($"{v.Iv:F4}"), v.IvBand, v.Status, Binning(v));
        }

        s.AddTable(table);
        foreach (var v in pd.Variables.Where(v => v.IvBand == "suspicious"))
        {
            s.AddCallout(CalloutKind.Warn, F($"{v.Variable}: IV {v.Iv:F2} is in the suspicious band (> 0.5)"), IvBands.Advice(v.Iv)! + ".");
        }

        foreach (var v in pd.Variables.Where(v => v.Binning?.Note is not null))
        {
            s.AddCallout(CalloutKind.Info, $"{v.Variable}: binning note", v.Binning!.Note! + ".");
        }

        var iv = new BarChart { Title = "Information value by variable", YTitle = "IV (dimensionless)", ValueDecimals = 3 };
        foreach (var v in pd.Variables.OrderByDescending(v => v.Iv))
        {
            iv.Add(v.Variable, v.Iv);
        }

        s.AddChart(iv, "IV = sum over classes of (%good - %bad) x WoE, training split; 0.02 / 0.1 / 0.3 / 0.5 separate useless, weak, medium, strong and suspicious.");
        foreach (var v in pd.Variables.Where(v => v.Status == "in the model"))
        {
            s.AddSubheading(v.Variable);

            // Values are left to the table: a label of a WoE near zero would sit on the axis line.
            var chart = new BarChart { Title = $"WoE of {v.Variable} by class", YTitle = "WoE = ln(%good / %bad)", ShowValues = false, Height = 300 };
            var wt = new ReportTable("#", "class", "loans", "share", "bad rate", "WoE", "IV term") { Caption = $"Coarse classes of {v.Variable} (training split); # is the class's label on the chart." };
            for (var k = 0; k < v.Woe.Rows.Count; k++)
            {
                var row = v.Woe.Rows[k];
                chart.Add(ChartLabel(k, row.Label), row.Woe);
                wt.AddRow((k + 1).ToString(CultureInfo.InvariantCulture), row.Label, F($"{row.Count:N0}"), F($"{row.Share:P1}"), F($"{row.BadRate:P2}"), F($"{row.Woe:F3}"), F($"{row.Iv:F4}"));
            }

            s.AddChart(chart, $"WoE per coarse class of {v.Variable}; positive means more good loans than average. Values in the table below.");
            s.AddTable(wt);
        }
    }

    /// <summary>"3: (12.5, 20]" or, when long, "3: (12.5, 20] + mi…" so axis labels are never clipped.</summary>
    internal static string ChartLabel(int k, string label)
    {
        var text = $"{k + 1}: {label}";
        return text.Length <= ChartLabelLength ? text : text[..(ChartLabelLength - 1)] + "…";
    }

    private static string Binning(VariableReport v) => v.Binning is not { } b ? "manual override"
        : F($"{b.Algorithm}; IV {b.Objective:F4}; {(b.Optimal ? "optimal" : "not proven optimal")}; {b.Milliseconds:F1} ms");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
