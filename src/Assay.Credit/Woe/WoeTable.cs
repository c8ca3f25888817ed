namespace Assay.Credit.Woe;

/// <summary>One class of a variable: counts, share, bad rate, WoE = ln(%good / %bad) and its IV term.</summary>
public sealed record WoeRow(string Label, long Count, long Good, long Bad, double Share, double BadRate, double Woe, double Iv);

/// <summary>
/// The WoE/IV table of one variable. A class with no goods or no bads gets 0.5 added to both
/// counts (the usual smoothing), so its WoE stays finite; the table says so in its method.
/// </summary>
public sealed record WoeTable(string Variable, IReadOnlyList<WoeRow> Rows, double Iv)
{
    public const string Method = "WoE = ln((good_k/good_total) / (bad_k/bad_total)); 0.5 added to both counts of a class with no goods or no bads";

    public string IvBand => IvBands.Of(Iv);

    public static WoeTable Build(string variable, string[] labels, long[] good, long[] bad)
    {
        long totalGood = 0, totalBad = 0;
        for (var k = 0; k < good.Length; k++)
        {
            totalGood += good[k];
            totalBad += bad[k];
        }

        var n = (double)(totalGood + totalBad);
        var rows = new WoeRow[good.Length];
        double iv = 0;
        for (var k = 0; k < good.Length; k++)
        {
            var count = good[k] + bad[k];
            var woe = Woe(good[k], bad[k], totalGood, totalBad);
            var pg = totalGood == 0 ? 0 : good[k] / (double)totalGood;
            var pb = totalBad == 0 ? 0 : bad[k] / (double)totalBad;
            var ivk = count == 0 ? 0 : (pg - pb) * woe;
            iv += ivk;
            rows[k] = new WoeRow(labels[k], count, good[k], bad[k], n == 0 ? 0 : count / n, count == 0 ? 0 : bad[k] / (double)count, count == 0 ? 0 : woe, ivk);
        }

        return new WoeTable(variable, rows, iv);
    }

    public static double Woe(long good, long bad, long totalGood, long totalBad)
    {
        double g = good, b = bad;
        if (good == 0 || bad == 0)
        {
            g += 0.5;
            b += 0.5;
        }

        return Math.Log((g / Math.Max(totalGood, 1)) / (b / Math.Max(totalBad, 1)));
    }
}

/// <summary>The conventional information value bands (spec): &lt;0.02 useless ... &gt;0.5 suspicious.</summary>
public static class IvBands
{
    public static string Of(double iv) => iv switch
    {
        < 0.02 => "useless",
        < 0.1 => "weak",
        < 0.3 => "medium",
        <= 0.5 => "strong",
        _ => "suspicious",
    };

    /// <summary>What to do about a variable in the band, or null when nothing needs doing.</summary>
    public static string? Advice(double iv) => Of(iv) switch
    {
        "suspicious" => "IV above 0.5 is too good to be true for application data: check that the variable is known at application time (not recorded after the outcome) and is not a proxy of the target; keep it only if the business can explain it, else remove it from model.variables",
        "useless" => "below 0.02 the variable barely separates good from bad loans; it is screened out when below model.min_iv",
        _ => null,
    };
}
