using System.Text.Json;
using Assay.Web.Studies;
using Microsoft.AspNetCore.Http;

namespace Assay.Web.Tests.Studies;

public class StudyRunEventsTests
{
    private static StudyJobView View(long version, StudyRunStatus status = StudyRunStatus.Running) => new(
        "run-1", "study", "upload study.yaml", status, "generation", DateTimeOffset.UnixEpoch, null,
        new CallsView((int)version, 10, 0, 0), [], null, [], null, null, null, version);

    private static async Task<string> StreamAsync(Func<StudyJobView> snapshot)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await StudyRunEvents.WriteAsync(context, snapshot, (_, _, _) => Task.CompletedTask, new JsonSerializerOptions(JsonSerializerDefaults.Web), TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.Equal("text/event-stream", context.Response.ContentType);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public async Task WriteAsync_RunEnds_ProgressEventsThenDone()
    {
        var views = new Queue<StudyJobView>([View(1), View(2), View(3, StudyRunStatus.Succeeded)]);
        var text = await StreamAsync(views.Dequeue);
        Assert.Equal(2, text.Split("event: progress\n").Length - 1);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        Assert.Contains("event: done\ndata: {\"id\":\"run-1\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_FailureAfterTheStreamStarted_EndsWithAnErrorEventCarryingTheProblem()
    {
        var calls = 0;
        var text = await StreamAsync(() => ++calls == 1 ? View(1) : throw new InvalidOperationException("the run registry broke"));

        Assert.StartsWith("event: progress\n", text, StringComparison.Ordinal);
        var error = text[text.IndexOf("event: error\ndata: ", StringComparison.Ordinal)..];
        using var problem = JsonDocument.Parse(error["event: error\ndata: ".Length..].Trim());
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        Assert.DoesNotContain("the run registry broke", text, StringComparison.Ordinal); // a server fault's details stay in the log
        Assert.DoesNotContain("event: done", text, StringComparison.Ordinal);
    }
}
