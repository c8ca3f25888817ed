using Assay.FakeServer.Options;

namespace Assay.FakeServer.Faults;

/// <summary>
/// Per-request fault decisions from one seeded generator: with one client calling in
/// sequence the faults repeat exactly from run to run; under concurrency the order of
/// arrival varies, but the rates hold.
/// </summary>
internal sealed class FaultDecider
{
    private readonly FaultOptions options;
    private readonly Random random;
    private readonly Lock gate = new();
    private readonly (FaultKind Kind, double Rate)[] table;

    public FaultDecider(FaultOptions options)
    {
        this.options = options;
#pragma warning disable CA5394 // Fault injection needs a reproducible sequence, not security.
        random = new Random(options.Seed);
#pragma warning restore CA5394
        table =
        [
            (FaultKind.RateLimit, options.RateLimit),
            (FaultKind.ServerError, options.ServerError),
            (FaultKind.Slow, options.Slow),
            (FaultKind.ConnectionReset, options.ConnectionReset),
            (FaultKind.StreamCut, options.StreamCut),
            (FaultKind.MalformedBody, options.MalformedBody),
            (FaultKind.StreamError, options.StreamError),
        ];
    }

    public FaultOptions Options => options;

    public FaultKind Decide(string route, bool streaming)
    {
        if (options.TotalRate <= 0 || (options.Routes.Count > 0 && !options.Routes.Contains(route)))
        {
            return FaultKind.None;
        }

        double draw;
        lock (gate)
        {
#pragma warning disable CA5394
            draw = random.NextDouble();
#pragma warning restore CA5394
        }

        var cumulative = 0.0;
        foreach (var (kind, rate) in table)
        {
            cumulative += rate;
            if (draw < cumulative)
            {
                return kind == FaultKind.StreamError && !streaming ? FaultKind.None : kind;
            }
        }

        return FaultKind.None;
    }
}
