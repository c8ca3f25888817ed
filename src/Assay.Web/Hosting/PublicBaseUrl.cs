using Assay.Services.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Assay.Web.Hosting;

/// <summary>
/// The base of every link the server hands out: <c>services.publicBaseUrl</c>, else the address it
/// listens on. Never the request's Host header, which the client chooses: a signed image link built
/// from it would point wherever the client said (<c>http://evil.example/...</c>).
/// </summary>
internal static class PublicBaseUrl
{
    public const string Setting = "services.publicBaseUrl";

    public static Uri Of(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<ServicesOptions>();
        if (Parse(options.PublicBaseUrl) is { } configured)
        {
            return configured;
        }

        var listening = context.RequestServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return Parse(listening) ?? throw new AssayException($"The server cannot tell its own address for links: set {Setting} (such as https://assay.example.com).", ExitCodes.SetupMissing);
    }

    /// <summary>Checks the setting at start-up, so a typo fails there naming it, not on the first image.</summary>
    public static void Validate(ServicesOptions options)
    {
        if (options.PublicBaseUrl is { } text && Parse(text) is null)
        {
            throw new AssayException($"{Setting} '{text}' is not an absolute http or https URL: write it as clients reach the server, such as https://assay.example.com.");
        }
    }

    private static Uri? Parse(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
