using System.Threading.RateLimiting;

namespace Assay.Models.Resilience;

/// <summary>The rate-limit permits one attempt holds; released together when it ends.</summary>
internal sealed class Leases : IDisposable
{
    private readonly List<RateLimitLease> _leases = [];

    public void Add(RateLimitLease lease)
    {
        _leases.Add(lease);
        if (!lease.IsAcquired)
        {
            throw new ModelServiceException("A rate limit refused the call: its queue is full.", null, "RateLimited", true);
        }
    }

    public void Dispose()
    {
        foreach (var lease in _leases)
        {
            lease.Dispose();
        }

        _leases.Clear();
    }
}
