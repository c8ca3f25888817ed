using Assay.FakeServer.Options;
using Microsoft.AspNetCore.Http;

namespace Assay.FakeServer.Auth;

/// <summary>OpenAI-style bearer keys (and Azure OpenAI's <c>api-key</c> header). Keys are compared, never echoed.</summary>
internal static class OpenAiAuth
{
    public static AuthRejection? Check(HttpRequest request, AuthOptions options)
    {
        if (!options.Required)
        {
            return null;
        }

        string? key = null;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header["Bearer ".Length..].Trim();
        }
        else if (request.Headers.TryGetValue("api-key", out var azureKey))
        {
            key = azureKey.ToString().Trim();
        }

        if (string.IsNullOrEmpty(key))
        {
            return new AuthRejection(
                "invalid_request_error",
                "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }

        if (options.OpenAiKeys.Count > 0 && !options.OpenAiKeys.Contains(key, StringComparer.Ordinal))
        {
            return new AuthRejection("invalid_api_key", "Incorrect API key provided. The fake server accepts only the keys in auth.openAiKeys.");
        }

        return null;
    }
}
