using Assay.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assay.Services.Configuration;

/// <summary>
/// Reads the <c>services:</c> section of an <c>assay.yaml</c> (camelCase keys). An unknown key is an
/// error naming its line: a misspelt setting (say <c>allowedModel</c>) must not be silently dropped.
/// </summary>
public static class ServicesConfigLoader
{
    /// <summary>Seven days in seconds: the longest validity S3 accepts for a SigV4 presigned URL.</summary>
    public const int S3ImageLinkLimit = 7 * 24 * 3600;

    public static ServicesOptions Load(string? path)
    {
        if (path is null)
        {
            return new ServicesOptions();
        }

        if (!File.Exists(path))
        {
            throw new AssayException($"Config file '{path}' not found: pass an existing assay.yaml with --config.", ExitCodes.BadInput);
        }

        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        try
        {
            var root = deserializer.Deserialize<ConfigRoot>(BoundedYaml.ReadFile(path, $"Config file '{path}'"));
            var options = root?.Services ?? new ServicesOptions();
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            options.DataDir = Path.GetFullPath(Path.Combine(baseDir, options.DataDir));
            options.Images.LocalDir = Path.GetFullPath(Path.Combine(baseDir, options.Images.LocalDir));
            if (options.Studies.Directory is { } studies)
            {
                options.Studies.Directory = Path.GetFullPath(Path.Combine(baseDir, studies));
            }

            foreach (var (name, scorecard) in options.Credit.Scorecards.ToList())
            {
                if (!Assay.Names.NameRules.IsValid(Assay.Names.NameKind.Index, name))
                {
                    throw new AssayException($"Config file '{path}': services.credit.scorecards has the name '{name}': use letters, digits, '-' and '_' (it is part of the URL).", ExitCodes.BadInput);
                }

                options.Credit.Scorecards[name] = Path.GetFullPath(Path.Combine(baseDir, scorecard));
            }

            if (options.Credit.MaxApplicantsPerRequest is < 1 or > 1_000_000)
            {
                throw new AssayException($"Config file '{path}': services.credit.maxApplicantsPerRequest is {options.Credit.MaxApplicantsPerRequest}: set 1 to 1000000.", ExitCodes.BadInput);
            }

            if (options.Studies.MaxRunning < 1)
            {
                throw new AssayException($"Config file '{path}': services.studies.maxRunning is {options.Studies.MaxRunning}: set 1 or more studies that may run at once.", ExitCodes.BadInput);
            }

            // S3 refuses presigned links valid for more than seven days, so such a setting would only fail later, per request.
            if (options.Images.LinkLifetimeSeconds is < 1 or > S3ImageLinkLimit)
            {
                throw new AssayException($"Config file '{path}': services.images.linkLifetimeSeconds is {options.Images.LinkLifetimeSeconds}: set 1 to {S3ImageLinkLimit} seconds (seven days, the longest an S3 presigned link may live).", ExitCodes.BadInput);
            }

            // A malformed allow-list entry fails here, at load, naming its setting.
            _ = new Access.ModelAccessPolicy(options);
            return options;
        }
        catch (YamlException ex)
        {
            throw new AssayException($"Config file '{path}' line {ex.Start.Line}: {Explain(ex)}", ExitCodes.BadInput);
        }
    }

    private static string Explain(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        const string notFound = "Property '";
        if (message.StartsWith(notFound, StringComparison.Ordinal) && message.Contains("not found on type", StringComparison.Ordinal))
        {
            var name = message[notFound.Length..message.IndexOf('\'', notFound.Length)];
            return $"unknown setting '{name}'; check its spelling (settings are camelCase; see the services: example in src/Assay.Services/README.md).";
        }

        return $"{message.TrimEnd('.')}; check the value's type (see the services: example in src/Assay.Services/README.md).";
    }

    private sealed class ConfigRoot
    {
        public ServicesOptions? Services { get; set; }
    }
}
