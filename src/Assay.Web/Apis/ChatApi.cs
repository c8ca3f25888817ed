using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Assay.Models.Metering;
using Assay.Services.Chat;
using Assay.Services.Chat.Store;
using Assay.Web.Errors;
using Assay.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assay.Web.Apis;

internal static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/chats/", (HttpContext context, ChatService chat) => TypedResults.Ok(new ChatConversations(chat.Conversations(context.Tenant()))))
            .WithTags("Chat").WithName("ListChats").WithSummary($"Your conversations, most recently active first (at most {ChatService.ListLimit}).");
        var group = app.MapGroup("/v1/chats/{id}").WithTags("Chat");
        group.MapPost("/messages", SendAsync)
            .WithName("SendChatMessage")
            .WithSummary("Sends a message; the answer streams as server-sent events ('delta' events, then 'done' with the model) when the client accepts text/event-stream or sets stream=true, else returns JSON. Without a chat model the answer comes from the offline method, reported as model 'offline:METHOD'.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/messages", GetHistory)
            .WithName("GetChatHistory").WithSummary("The stored turns of one of your conversations.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<IResult> SendAsync(string id, ChatBody body, HttpContext context, ChatService chat, CancellationToken cancellationToken)
    {
        var exchange = await chat.StartAsync(context.Tenant(), id, body.Message ?? string.Empty, body.Memory, cancellationToken);
        var wantsStream = body.Stream ?? context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        if (wantsStream)
        {
            return TypedResults.ServerSentEvents(SseErrors.WithErrorEvent(Events(exchange, cancellationToken), context));
        }

        await using (exchange)
        {
            var answer = new StringBuilder();
            await foreach (var delta in exchange.StreamAsync(cancellationToken))
            {
                answer.Append(delta);
            }

            return TypedResults.Ok(new ChatReply(exchange.Conversation, answer.ToString(), exchange.Memory, exchange.Model, exchange.HistoryMessages, Usage(exchange.Metrics)));
        }
    }

    internal static Ok<ChatHistory> GetHistory(string id, HttpContext context, ChatService chat)
    {
        var turns = chat.History(context.Tenant(), id);
        if (turns.Count == 0)
        {
            throw new NotFoundException($"Conversation '{id}' not found: start it with POST /v1/chats/{id}/messages.");
        }

        return TypedResults.Ok(new ChatHistory(id, turns));
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(ChatExchange exchange, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (exchange)
        {
            var answer = new StringBuilder();
            await foreach (var delta in exchange.StreamAsync(cancellationToken))
            {
                answer.Append(delta);
                yield return new SseItem<object>(new ChatDelta(delta), "delta");
            }

            yield return new SseItem<object>(new ChatReply(exchange.Conversation, answer.ToString(), exchange.Memory, exchange.Model, exchange.HistoryMessages, Usage(exchange.Metrics)), "done");
        }
    }

    private static ChatUsage? Usage(CallMetrics? metrics) =>
        metrics is null ? null : new ChatUsage(metrics.InputTokens, metrics.OutputTokens, metrics.TokensEstimated, metrics.TimeToFirstToken?.TotalMilliseconds, metrics.Latency?.TotalMilliseconds, metrics.CostUsd);
}

internal sealed record ChatBody(string? Message, string? Memory, bool? Stream);

internal sealed record ChatDelta(string Text);

/// <summary>Token counts (estimated when the provider reported none), time to first token and latency in milliseconds, cost in US dollars.</summary>
internal sealed record ChatUsage(long InputTokens, long OutputTokens, bool TokensEstimated, double? TimeToFirstTokenMs, double? LatencyMs, decimal? CostUsd);

/// <summary>
/// <c>model</c>: the chat model id, or <c>offline:memory-recall</c> / <c>offline:index-passages</c> when no chat model is
/// configured and the answer quotes instead of generating. <c>historyMessages</c>: how many earlier messages the memory strategy put into the prompt.
/// </summary>
internal sealed record ChatReply(string Conversation, string Answer, string Memory, string Model, int HistoryMessages, ChatUsage? Usage);

internal sealed record ChatHistory(string Conversation, IReadOnlyList<ChatTurn> Turns);

internal sealed record ChatConversations(IReadOnlyList<ChatConversation> Conversations);
