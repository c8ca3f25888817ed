using System.Globalization;
using System.Reflection;
using Assay.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assay.Models.Catalog;

/// <summary>
/// Model prices: the YAML catalog shipped inside Assay (<c>Catalog/prices.yaml</c>), merged
/// with the user's own file (same format; its entries replace the shipped ones by id).
/// </summary>
public sealed class PriceCatalog
{
    /// <summary>A price read longer ago than this is flagged as stale in output.</summary>
    public const int StaleAfterDays = 90;

    /// <summary>The environment variable naming the user's prices file.</summary>
    public const string OverrideVariable = "ASSAY_PRICES";

    private readonly Dictionary<string, ModelPrice> _exact;
    private readonly List<ModelPrice> _prefixes;

    private PriceCatalog(IReadOnlyList<ModelPrice> entries)
    {
        Entries = entries;
        _exact = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        _prefixes = [];
        foreach (var entry in entries)
        {
            if (entry.Id.EndsWith('*'))
            {
                _prefixes.Add(entry);
                continue;
            }

            _exact[entry.Id] = entry;
            foreach (var alias in entry.Aliases)
            {
                _exact.TryAdd(alias, entry);
            }
        }

        // Longest prefix first, so a specific wildcard wins over a general one.
        _prefixes.Sort((a, b) => b.Id.Length.CompareTo(a.Id.Length));
    }

    /// <summary>Every entry, shipped ones first then the user's.</summary>
    public IReadOnlyList<ModelPrice> Entries { get; }

    /// <summary>The shipped catalog alone.</summary>
    public static PriceCatalog BuiltIn() => new(LoadBuiltInEntries());

    /// <summary>The shipped catalog merged with the user's file, when one is given.</summary>
    public static PriceCatalog Load(string? overridePath)
    {
        var entries = LoadBuiltInEntries();
        if (string.IsNullOrWhiteSpace(overridePath))
        {
            return new PriceCatalog(entries);
        }

        if (!File.Exists(overridePath))
        {
            throw new AssayException($"Prices file '{overridePath}' (from {OverrideVariable} or --prices) does not exist: fix the path or unset it.");
        }

        var user = Parse(BoundedYaml.ReadFile(overridePath, $"Prices file '{overridePath}'"), overridePath);
        var replaced = new HashSet<string>(user.Select(u => u.Id), StringComparer.OrdinalIgnoreCase);
        return new PriceCatalog([.. entries.Where(e => !replaced.Contains(e.Id)), .. user]);
    }

    /// <summary>The price of a model id (exact id or alias first, then the longest matching <c>prefix*</c>); null when unknown.</summary>
    public ModelPrice? Find(string modelId)
    {
        if (_exact.TryGetValue(modelId, out var price))
        {
            return price;
        }

        return _prefixes.FirstOrDefault(p => modelId.StartsWith(p.Id[..^1], StringComparison.OrdinalIgnoreCase));
    }

    internal static List<ModelPrice> Parse(string yaml, string origin)
    {
        BoundedYaml.Check(yaml, $"Prices file '{origin}'");
        PricesFile? file;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build();
            file = deserializer.Deserialize<PricesFile>(yaml);
        }
        catch (YamlException ex)
        {
            throw new AssayException($"Prices file '{origin}' line {ex.Start.Line}: {FirstLine(ex.Message)}; each entry needs id, input_per_1k, output_per_1k, as_of (yyyy-MM-dd) and source.", ex);
        }

        var result = new List<ModelPrice>();
        foreach (var (row, index) in (file?.Models ?? []).Select((r, i) => (r, i + 1)))
        {
            string Where(string field) => $"Prices file '{origin}', entry {index}{(row.Id is null ? string.Empty : $" ({row.Id})")}: {field}";
            if (string.IsNullOrWhiteSpace(row.Id))
            {
                throw new AssayException($"{Where("id")} is missing: write the model id, e.g. 'openai:gpt-4o-mini'.");
            }

            if (row.InputPer1K is null || row.OutputPer1K is null || row.InputPer1K < 0 || row.OutputPer1K < 0)
            {
                throw new AssayException($"{Where("input_per_1k and output_per_1k")} must both be set to US dollars per 1,000 tokens (0 or more).");
            }

            if (!DateOnly.TryParseExact(row.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            {
                throw new AssayException($"{Where("as_of")} '{row.AsOf}' is not a date: write the day the price was read as yyyy-MM-dd.");
            }

            if (string.IsNullOrWhiteSpace(row.Source))
            {
                throw new AssayException($"{Where("source")} is missing: say where the price was read (a URL or a document).");
            }

            result.Add(new ModelPrice
            {
                Id = row.Id.Trim(),
                Aliases = row.Aliases ?? [],
                InputPer1K = row.InputPer1K.Value,
                OutputPer1K = row.OutputPer1K.Value,
                CachedInputPer1K = row.CachedInputPer1K,
                BatchInputPer1K = row.BatchInputPer1K,
                BatchOutputPer1K = row.BatchOutputPer1K,
                ContextWindow = row.ContextWindow,
                AsOf = asOf,
                Source = row.Source.Trim(),
                NeverStale = row.NeverStale,
                Origin = origin,
            });
        }

        return result;
    }

    private static List<ModelPrice> LoadBuiltInEntries()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Assay.Models.Catalog.prices.yaml")
            ?? throw new InvalidOperationException("The built-in price catalog is missing from Assay.Models: the build did not embed Catalog/prices.yaml.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    // YamlDotNet fills these by reflection.
#pragma warning disable CA1812, CA2227, CA1002
    private sealed class PricesFile
    {
        public List<PriceRow>? Models { get; set; }
    }

    private sealed class PriceRow
    {
        public string? Id { get; set; }

        public List<string>? Aliases { get; set; }

        [YamlMember(Alias = "input_per_1k")]
        public decimal? InputPer1K { get; set; }

        [YamlMember(Alias = "output_per_1k")]
        public decimal? OutputPer1K { get; set; }

        [YamlMember(Alias = "cached_input_per_1k")]
        public decimal? CachedInputPer1K { get; set; }

        [YamlMember(Alias = "batch_input_per_1k")]
        public decimal? BatchInputPer1K { get; set; }

        [YamlMember(Alias = "batch_output_per_1k")]
        public decimal? BatchOutputPer1K { get; set; }

        public int? ContextWindow { get; set; }

        public string? AsOf { get; set; }

        public string? Source { get; set; }

        public bool NeverStale { get; set; }
    }
#pragma warning restore CA1812, CA2227, CA1002
}
