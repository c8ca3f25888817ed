namespace Assay.Reporting.Charts;

/// <summary>
/// The migration study's baseline figure: a 2x2 grid of latency and cost histograms, input vs
/// output tokens and latency vs cost, one value per recorded call. Lists must be the same length
/// (index i is call i); NaN marks a value that was not recorded and is skipped and counted.
/// </summary>
public static class BaselineGrid
{
    public static ChartGrid Create(
        IReadOnlyList<double> latencySeconds,
        IReadOnlyList<double> costUsd,
        IReadOnlyList<double> inputTokens,
        IReadOnlyList<double> outputTokens,
        string title = "Baseline: recorded source-model calls")
    {
        ArgumentNullException.ThrowIfNull(latencySeconds);
        ArgumentNullException.ThrowIfNull(costUsd);
        ArgumentNullException.ThrowIfNull(inputTokens);
        ArgumentNullException.ThrowIfNull(outputTokens);
        var n = latencySeconds.Count;
        if (costUsd.Count != n || inputTokens.Count != n || outputTokens.Count != n)
        {
            throw new ArgumentException(
                "Baseline lists must have one value per call: latency " + n + ", cost " + costUsd.Count
                + ", input tokens " + inputTokens.Count + ", output tokens " + outputTokens.Count + ".");
        }

        const double W = 540, H = 360;
        var costNote = CostNote(costUsd);
        IReadOnlyList<double> costs = costNote is null ? costUsd : [];
        return new ChartGrid(2) { Title = title }
            .Add(new Histogram(latencySeconds) { Title = "Latency per call", XTitle = "Latency (s)", YTitle = "Calls", ShowDensity = true, Width = W, Height = H })
            .Add(new Histogram(costs) { Title = "Cost per call", XTitle = "Cost (USD)", YTitle = "Calls", ShowDensity = true, Width = W, Height = H, NoDataReason = costNote })
            .Add(new ScatterChart { Title = "Tokens per call", XTitle = "Input tokens", YTitle = "Output tokens", Width = W, Height = H }.AddSeries("", inputTokens, outputTokens))
            .Add(new ScatterChart { Title = "Latency vs cost", XTitle = "Latency (s)", YTitle = "Cost (USD)", Width = W, Height = H, NoDataReason = costNote }
                .AddSeries("", costNote is null ? latencySeconds : [], costs));
    }

    /// <summary>
    /// Why the cost panels are empty: every call free (an offline model costs $0) or no price
    /// known (every cost NaN). A cost distribution of only zeros would be one solid block.
    /// </summary>
    public static string? CostNote(IReadOnlyList<double> costUsd)
    {
        ArgumentNullException.ThrowIfNull(costUsd);
        var known = costUsd.Where(double.IsFinite).ToList();
        if (known.Count == 0)
        {
            return costUsd.Count == 0 ? null : "Price unknown: no call has a cost (add the model's price), so there is no cost to chart.";
        }

        return known.All(c => c == 0)
            ? "Free (offline): every call with a cost cost $0, so there is no cost distribution to chart."
            : null;
    }
}
