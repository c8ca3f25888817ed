namespace Assay.FakeServer.Tests.Support;

internal static class RequestExtensions
{
    /// <summary>The same request with no credentials, to check that a route refuses it.</summary>
    public static HttpRequestMessage WithoutAuthorization(this HttpRequestMessage request)
    {
        request.Headers.Authorization = null;
        return request;
    }
}
