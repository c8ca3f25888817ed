namespace Assay.Reporting.Charts;

/// <summary>
/// The Okabe-Ito palette: eight colours that stay distinct under the common forms of colour
/// blindness. Series take them in order; yellow comes last because it is faint on white.
/// </summary>
public static class Palette
{
    public const string Blue = "#0072B2";
    public const string Orange = "#E69F00";
    public const string Green = "#009E73";
    public const string Vermillion = "#D55E00";
    public const string Purple = "#CC79A7";
    public const string SkyBlue = "#56B4E9";
    public const string Black = "#000000";
    public const string Yellow = "#F0E442";

    private static readonly string[] Order = [Blue, Orange, Green, Vermillion, Purple, SkyBlue, Black, Yellow];

    /// <summary>The colour of the series at <paramref name="index"/> (wraps after eight).</summary>
    public static string Series(int index) => Order[((index % Order.Length) + Order.Length) % Order.Length];
}
