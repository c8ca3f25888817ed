using System.Net.Http;
using System.Net.Sockets;

namespace Assay.Models.Tests;

public sealed class ModelServiceExceptionTests
{
    [Fact]
    public void Unreachable_UnknownHost_NamesTheUrlWithoutUserInfoOrQuery()
    {
        var cause = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (no-such-host.invalid:443)");

        var ex = ModelServiceException.Unreachable("openai:gpt-4o-mini", new Uri("https://user:sk-secret-42@no-such-host.invalid/v1?api-key=sk-secret-42"), cause);

        Assert.NotNull(ex);
        Assert.True(ex.IsUnreachable);
        Assert.True(ex.IsTransient);
        Assert.Contains("cannot reach https://no-such-host.invalid/v1 (No such host)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_RefusedSocketInsideTheChain_Recognised()
    {
        var cause = new InvalidOperationException("wrapper", new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        var ex = ModelServiceException.Unreachable("m", new Uri("http://127.0.0.1:9/v1"), cause);

        Assert.Contains("cannot reach http://127.0.0.1:9/v1 (Connection refused)", ex!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_ResetConnection_IsNotUnreachable()
    {
        var cause = new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset));

        Assert.Null(ModelServiceException.Unreachable("m", new Uri("http://127.0.0.1:9/v1"), cause));
    }
}
