using System.Net;
using System.Net.ServerSentEvents;
using Assay.Web.Errors;
using Assay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assay.Web.Tests.Errors;

public sealed class SseErrorsTests
{
    [Fact]
    public async Task StreamRequested_FailsBeforeStart_ProblemDetailsBody()
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chats/c%201/messages") { Content = JsonContent.Create(new { message = "hi" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await server.Client().SendAsync(request);

        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Conversation id", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithErrorEvent_FailsAfterStart_EndsWithErrorEventOfTheSameFields()
    {
        var items = new List<SseItem<object>>();

        await foreach (var item in SseErrors.WithErrorEvent(FailAfterOne(), new DefaultHttpContext()))
        {
            items.Add(item);
        }

        Assert.Equal(["delta", SseErrors.EventType], items.Select(i => i.EventType));
        var problem = Assert.IsType<ProblemDetails>(items[1].Data);
        Assert.Equal(StatusCodes.Status502BadGateway, problem.Status);
        Assert.Equal("the model stopped", problem.Detail);
    }

    private static async IAsyncEnumerable<SseItem<object>> FailAfterOne()
    {
        yield return new SseItem<object>("first", "delta");
        await Task.Yield();
        throw new AssayException("the model stopped", ExitCodes.ModelUnavailable);
    }
}
