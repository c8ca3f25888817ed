using System.Globalization;
using Assay.FakeServer.Batches.Bedrock;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Faults;
using Assay.FakeServer.Hosting;
using Microsoft.AspNetCore.Http;

namespace Assay.FakeServer.Routes;

/// <summary>
/// <c>GET /model-invocation-jobs</c> (ListModelInvocationJobs): <c>{invocationJobSummaries,
/// nextToken?}</c>, filtered by <c>nameContains</c> and <c>statusEquals</c>, newest first unless
/// <c>sortOrder=Ascending</c>, at most <c>maxResults</c> (1 to 1000) per page.
/// </summary>
internal static class BedrockBatchListRoute
{
    public static async Task HandleAsync(Exchange exchange)
    {
        if (!await BedrockRequestGate.AuthorizeAsync(exchange))
        {
            return;
        }

        var query = exchange.Http.Request.Query;
        var (page, error) = Page(query);
        var status = default(BedrockJobStatus?);
        if (error is null && query.TryGetValue("statusEquals", out var statusText))
        {
            if (Enum.TryParse<BedrockJobStatus>(statusText.ToString(), ignoreCase: false, out var parsed) && !int.TryParse(statusText.ToString(), out _))
            {
                status = parsed;
            }
            else
            {
                error = $"1 validation error detected: Value '{statusText}' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Enum.GetNames<BedrockJobStatus>())}]";
            }
        }

        if (error is not null)
        {
            exchange.End(RequestOutcome.BadRequest);
            await BedrockErrors.ValidationAsync(exchange, error);
            return;
        }

        if (await FaultGate.ApplyAsync(exchange, Protocol.Bedrock, streaming: false))
        {
            return;
        }

        var nameContains = query["nameContains"].ToString();
        IEnumerable<BedrockJob> jobs = exchange.Runtime.BedrockJobs.All();
        if (query["sortOrder"].ToString() != "Ascending")
        {
            jobs = jobs.Reverse();
        }

        var matching = jobs
            .Where(j => nameContains.Length == 0 || j.Request.JobName.Contains(nameContains, StringComparison.Ordinal))
            .Where(j => status is null || j.State.Status == status)
            .ToList();
        var shown = matching.Skip(page.Offset).Take(page.Size).ToList();
        var next = page.Offset + shown.Count < matching.Count ? (page.Offset + shown.Count).ToString(CultureInfo.InvariantCulture) : null;
        var body = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("invocationJobSummaries");
            foreach (var job in shown)
            {
                BedrockJobJson.Write(w, job);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("nextToken", next);
            }

            w.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(exchange, 200, "application/json", body);
    }

    /// <summary>The page from <c>maxResults</c> and <c>nextToken</c> (the fake's tokens are offsets; clients must treat them as opaque).</summary>
    private static ((int Offset, int Size) Page, string? Error) Page(IQueryCollection query)
    {
        var size = 1000;
        if (query.TryGetValue("maxResults", out var max) && (!int.TryParse(max.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > 1000))
        {
            return ((0, 0), $"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var offset = 0;
        if (query.TryGetValue("nextToken", out var token) && (!int.TryParse(token.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return ((0, 0), "The nextToken is not valid: pass back the nextToken of the previous page.");
        }

        return ((offset, size), null);
    }
}
