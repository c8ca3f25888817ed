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
        return new ChartGrid(2) { Title = title }
            .Add(new Histogram(latencySeconds) { Title = "Latency per call", XTitle = "Latency (s)", YTitle = "Calls", ShowDensity = true, Width = W, Height = H })
            .Add(new Histogram(costUsd) { Title = "Cost per call", XTitle = "Cost (USD)", YTitle = "Calls", ShowDensity = true, Width = W, Height = H })
            .Add(new ScatterChart { Title = "Tokens per call", XTitle = "Input tokens", YTitle = "Output tokens", Width = W, Height = H }.AddSeries("", inputTokens, outputTokens))
            .Add(new ScatterChart { Title = "Latency vs cost", XTitle = "Latency (s)", YTitle = "Cost (USD)", Width = W, Height = H }.AddSeries("", latencySeconds, costUsd));
    }
}
