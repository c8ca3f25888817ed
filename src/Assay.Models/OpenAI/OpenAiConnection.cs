using System.Net.Http.Headers;

namespace Assay.Models.OpenAI;

/// <summary>Where and as whom an OpenAI-compatible model is called: the shared HTTP client, the base URL, the model name and the bearer key.</summary>
internal sealed class OpenAiConnection(HttpClient http, Uri endpoint, string model, string key)
{
    public HttpClient Http => http;

    public Uri Endpoint => endpoint;

    public string Model => model;

    public Uri ChatCompletions { get; } = new(endpoint.AbsoluteUri.TrimEnd('/') + "/chat/completions");

    public AuthenticationHeaderValue Authorization { get; } = new("Bearer", key);

    public override string ToString() => $"{endpoint} #{model}"; // never the key
}
