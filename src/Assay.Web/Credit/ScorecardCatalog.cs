using System.Collections.Concurrent;
using Assay.Credit.Scorecard;
using Assay.Services.Configuration;
using Assay.Web.Errors;

namespace Assay.Web.Credit;

/// <summary>The scorecards configured under <c>services.credit.scorecards</c>, each read once on first use.</summary>
internal sealed class ScorecardCatalog(ServicesOptions options)
{
    private readonly ConcurrentDictionary<string, Lazy<ScorecardModel>> _loaded = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => options.Credit.Scorecards.Keys;

    public ScorecardModel Get(string name)
    {
        if (!options.Credit.Scorecards.TryGetValue(name, out var path))
        {
            throw new NotFoundException(options.Credit.Scorecards.Count == 0
                ? $"No scorecard '{name}': this server serves none (configure services.credit.scorecards: {{ NAME: scorecard.json }})."
                : $"No scorecard '{name}': this server serves {string.Join(", ", options.Credit.Scorecards.Keys.Order(StringComparer.Ordinal))}.");
        }

        try
        {
            return _loaded.GetOrAdd(name, _ => new Lazy<ScorecardModel>(() => ScorecardModel.Load(path))).Value;
        }
        catch (AssayException ex)
        {
            _loaded.TryRemove(name, out _); // a file fixed later is read again
            throw new AssayException($"Scorecard '{name}' cannot be read ({ex.Message}); check services.credit.scorecards.{name}.", ExitCodes.SetupMissing, ex);
        }
    }
}
