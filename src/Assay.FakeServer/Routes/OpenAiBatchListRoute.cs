using System.Globalization;
using Assay.FakeServer.Batches.OpenAi;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>GET /v1/batches</c>: <c>{object: "list", data, first_id, last_id, has_more}</c>, newest
/// first, <c>limit</c> (1 to 100, default 20) per page after the batch id <c>after</c>.
/// </summary>
internal static class OpenAiBatchListRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        if (!await OpenAiRequestGate.AuthorizeAsync(exchange))
        {
            return;
        }

        var query = exchange.Http.Request.Query;
        var limit = 20;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            exchange.End(RequestOutcome.BadRequest);
            await OpenAiErrors.BadRequestAsync(exchange, $"Invalid 'limit': expected an integer between 1 and 100 (got '{limitText}').", "limit");
            return;
        }

        if (await FaultGate.ApplyAsync(exchange, Protocol.OpenAi, streaming: false))
        {
            return;
        }

        IEnumerable<OpenAiBatch> batches = exchange.Runtime.OpenAiBatches.NewestFirst();
        var after = query["after"].ToString();
        if (after.Length > 0)
        {
            batches = batches.SkipWhile(b => b.Id != after).Skip(1);
        }

        var rest = batches.ToList();
        var page = rest.Take(limit).ToList();
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var batch in page)
            {
                OpenAiBatchJson.Write(w, batch);
            }

            w.WriteEndArray();
            WriteId(w, "first_id", page.FirstOrDefault());
            WriteId(w, "last_id", page.LastOrDefault());
            w.WriteBoolean("has_more", rest.Count > page.Count);
            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    private static void WriteId(System.Text.Json.Utf8JsonWriter w, string name, OpenAiBatch? batch)
    {
        if (batch is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, batch.Id);
        }
    }
}
