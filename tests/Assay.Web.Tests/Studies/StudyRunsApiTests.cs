using System.Net;
using System.Text.Json;
using Assay.Web.Studies;
using Assay.Web.Tests.Infrastructure;

namespace Assay.Web.Tests.Studies;

/// <summary>Starting migration studies over real HTTP: the bundled incidents study (offline models) from start to listed report, uploads, bad files, the model allow-list, the running limit, cancelling and keys.</summary>
public sealed class StudyRunsApiTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private const string UploadedStudy = """
        name: uploaded-incidents
        dataset:
          path: incidents.csv
        source:
          model: replay:source-recording.csv
          prompt: "Read the incident report below.\n{context}\nSummarise it in two sentences for the operations manager."
        candidates:
          - name: lead-1
            model: extractive:lead-1
            prompt: "Summarise this incident report in one sentence.\n{context}"
        metrics: [rouge, length_ratio]
        criteria:
          quality:
            - { metric: rougeL, margin: 0.03 }
        """;

    [Fact]
    public async Task StartRun_BundledIncidentsSample_ProgressReachesCompletionAndReportIsListedAndServed()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();

        var samples = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/studies/samples", UriKind.Relative)));
        Assert.Contains(samples.GetProperty("samples").EnumerateArray(), s => s.GetProperty("id").GetString() == StudyFiles.IncidentsSample);
        Assert.DoesNotContain(samples.GetProperty("samples").EnumerateArray(), s => s.GetProperty("id").GetString()!.StartsWith("credit/", StringComparison.Ordinal));

        var started = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Sample(StudyFiles.IncidentsSample));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await Problems.JsonAsync(started);
        var id = run.GetProperty("id").GetString()!;
        Assert.StartsWith("incident-summaries-", id, StringComparison.Ordinal);
        Assert.Equal($"/v1/studies/runs/{id}", started.Headers.Location?.ToString());
        Assert.Equal("sample samples/incidents/study.yaml", run.GetProperty("origin").GetString());

        var events = await StudyFiles.FollowAsync(client, $"/v1/studies/runs/{id}", RunTimeout);
        var done = events[^1];
        Assert.Equal("done", done.Event);
        Assert.True(done.Data.GetProperty("status").GetString() == "succeeded", done.Data.ToString());
        var calls = done.Data.GetProperty("calls");
        Assert.Equal(90, calls.GetProperty("total").GetInt32()); // 30 reports x 3 extractive candidates; the source is a recording
        Assert.Equal(90, calls.GetProperty("done").GetInt32());
        Assert.Equal(0, calls.GetProperty("failed").GetInt32());
        var models = done.Data.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["textrank-2", "lead-1", "lead-3"], models.Select(m => m.GetProperty("model").GetString()));
        Assert.All(models, m => Assert.Equal((30, 30, 0), (m.GetProperty("done").GetInt32(), m.GetProperty("total").GetInt32(), m.GetProperty("failed").GetInt32())));
        Assert.Contains(done.Data.GetProperty("messages").EnumerateArray(), m => m.GetString()!.StartsWith("source: pairing: 30 of 30 dataset items", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(done.Data.GetProperty("decision").GetString()));
        Assert.Equal($"/v1/studies/{id}/report.html", done.Data.GetProperty("report").GetString());
        Assert.True(events.Count(e => e.Event == "progress") >= 1, "the stream sent no progress before the end");

        var listed = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/studies/", UriKind.Relative)));
        var folder = Assert.Single(listed.GetProperty("studies").EnumerateArray(), s => s.GetProperty("name").GetString() == id);
        Assert.True(folder.GetProperty("hasReport").GetBoolean());
        Assert.False(folder.GetProperty("shared").GetBoolean());
        var report = await client.GetAsync(new Uri($"/v1/studies/{id}/report.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);

        // Another tenant neither lists nor reads it.
        using var globex = server.Client(TestServer.GlobexKey);
        var theirs = await Problems.JsonAsync(await globex.GetAsync(new Uri("/v1/studies/", UriKind.Relative)));
        Assert.DoesNotContain(theirs.GetProperty("studies").EnumerateArray(), s => s.GetProperty("name").GetString() == id);
        await Problems.AssertProblemAsync(await globex.GetAsync(new Uri($"/v1/studies/{id}/report.html", UriKind.Relative)), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await globex.GetAsync(new Uri($"/v1/studies/{id}/summary.json", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Contains("incident-summaries", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var summary = await Problems.JsonAsync(await client.GetAsync(new Uri($"/v1/studies/{id}/summary.json", UriKind.Relative)));
        Assert.Equal(4, summary.GetProperty("models").GetArrayLength());

        var runs = await Problems.JsonAsync(await client.GetAsync(new Uri("/v1/studies/runs", UriKind.Relative)));
        Assert.Equal("succeeded", Assert.Single(runs.GetProperty("runs").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StartRun_UploadedStudyWithItsFiles_RunsFromItsOwnInputFolder()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var started = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(UploadedStudy));
        var run = await Problems.JsonAsync(started);
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal("upload study.yaml", run.GetProperty("origin").GetString());

        var done = (await StudyFiles.FollowAsync(client, started.Headers.Location!.ToString(), RunTimeout))[^1].Data;
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(30, done.GetProperty("calls").GetProperty("done").GetInt32());
        var folder = Path.Combine(server.Options.DataDir, "studies", "tenants", "acme", id);
        Assert.True(File.Exists(Path.Combine(folder, "input", "incidents.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.True(File.Exists(Path.Combine(folder, "runs.sqlite")));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(server.Options.DataDir, "studies"), ".incoming-*"));
    }

    [Fact]
    public async Task StartRun_DatasetMissing_400NamesLineAndFieldWithoutServerPaths()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var response = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(UploadedStudy.Replace("path: incidents.csv", "path: tickets.csv", StringComparison.Ordinal)));
        var detail = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("study.yaml line 3: dataset.path 'tickets.csv' does not exist", detail, StringComparison.Ordinal);
        Assert.EndsWith("Upload the files the study names together with it (as 'file' fields), under those names.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(server.DataDir, detail, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.Options.DataDir, "studies")));
    }

    [Fact]
    public async Task StartRun_PromptWithoutContext_400NamesTheCandidateLine()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var yaml = UploadedStudy.Replace("in one sentence.\\n{context}", "in one sentence.", StringComparison.Ordinal);
        var detail = await Problems.AssertProblemAsync(await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(yaml, fileName: "mine.yaml")), HttpStatusCode.BadRequest);
        Assert.StartsWith("mine.yaml line ", detail, StringComparison.Ordinal);
        Assert.Contains("candidates[0].prompt", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_RecordingDoesNotPair_RunFailsWithTheRunnersMessageWithoutServerPaths()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var yaml = UploadedStudy.Replace("Summarise it in two sentences for the operations manager.", "Summarise it for the board.", StringComparison.Ordinal);
        var started = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(yaml));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var done = (await StudyFiles.FollowAsync(client, started.Headers.Location!.ToString(), RunTimeout))[^1].Data;
        Assert.Equal("failed", done.GetProperty("status").GetString());
        var error = done.GetProperty("error").GetString()!;
        Assert.StartsWith("source-recording.csv: no recorded call of source pairs with a row of incidents.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.DataDir, error, StringComparison.Ordinal);
        Assert.Null(done.GetProperty("report").GetString());
    }

    [Fact]
    public async Task StartRun_OpenAiCompatibleUrlNotInServerConfig_403SaysNotAllowed()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var yaml = UploadedStudy.Replace("model: extractive:lead-1", "model: openai-compatible:http://169.254.169.254/v1#gpt", StringComparison.Ordinal);
        var detail = await Problems.AssertProblemAsync(await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(yaml)), HttpStatusCode.Forbidden);
        Assert.Contains("study.yaml line 9 (candidates[0].model)", detail, StringComparison.Ordinal);
        Assert.Contains("the endpoint http://169.254.169.254/v1 is not one this server's config names", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_FilesOutsideTheUpload_400SameAnswerWhetherOrNotTheyExist()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();

        async Task<string> DetailAsync(string from, string to) => await Problems.AssertProblemAsync(
            await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(UploadedStudy.Replace(from, to, StringComparison.Ordinal))), HttpStatusCode.BadRequest);

        var existing = await DetailAsync("replay:source-recording.csv", "replay:" + StudyFiles.Incidents("source-recording.csv"));
        var missing = await DetailAsync("replay:source-recording.csv", "replay:" + StudyFiles.Incidents("no-such-recording.csv"));
        Assert.Contains("source.model must name a file in the study's own folder", existing, StringComparison.Ordinal);
        Assert.Equal(existing, missing);

        var dataset = await DetailAsync("path: incidents.csv", "path: /etc/hostname");
        Assert.Contains("dataset.path must name a file in the study's own folder", dataset, StringComparison.Ordinal);
        Assert.Equal(dataset, await DetailAsync("path: incidents.csv", "path: /etc/no-such-file"));
    }

    [Fact]
    public async Task StartRun_FormProblems_400WithUsage()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var notForm = await client.PostAsJsonAsync(new Uri("/v1/studies/runs", UriKind.Relative), new { sample = StudyFiles.IncidentsSample });
        Assert.Contains("'sample'", await Problems.AssertProblemAsync(notForm, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var unknown = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Sample("../etc/passwd"));
        Assert.Contains("choose one of: incidents/study.yaml", await Problems.AssertProblemAsync(unknown, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_WithoutKey_401AndNothingStarts()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = server.Client(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Sample(StudyFiles.IncidentsSample))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/v1/studies/runs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/v1/studies/samples", UriKind.Relative))).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(server.Options.DataDir, "studies")));
    }

    [Fact]
    public async Task StartRun_WhileOneRuns_409ThenCancelEndsItAndOtherTenantCannotSeeIt()
    {
        var held = new GatedChatClient();
        await using var server = await TestServer.StartAsync((o, m) =>
        {
            m.Chat["test:held"] = held;
            o.AllowedModels.Add("test:*");
        });
        using var client = server.Client();
        var started = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(UploadedStudy.Replace("extractive:lead-1", "test:held", StringComparison.Ordinal)));
        var id = (await Problems.JsonAsync(started)).GetProperty("id").GetString()!;
        await WaitUntilAsync(() => held.Calls > 0);

        var second = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Sample(StudyFiles.IncidentsSample));
        Assert.Contains("already running on this server (uploaded-incidents)", await Problems.AssertProblemAsync(second, HttpStatusCode.Conflict), StringComparison.Ordinal);

        using var globex = server.Client(TestServer.GlobexKey);
        await Problems.AssertProblemAsync(await globex.GetAsync(new Uri($"/v1/studies/runs/{id}", UriKind.Relative)), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await globex.DeleteAsync(new Uri($"/v1/studies/runs/{id}", UriKind.Relative)), HttpStatusCode.NotFound);

        var running = await Problems.JsonAsync(await client.GetAsync(new Uri($"/v1/studies/runs/{id}", UriKind.Relative)));
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.Equal("generation", running.GetProperty("stage").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(new Uri($"/v1/studies/runs/{id}", UriKind.Relative))).StatusCode);
        var done = (await StudyFiles.FollowAsync(client, $"/v1/studies/runs/{id}", RunTimeout))[^1].Data;
        Assert.Equal("cancelled", done.GetProperty("status").GetString());
        Assert.Null(done.GetProperty("report").GetString());

        // The slot is free again.
        var next = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(UploadedStudy));
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        Assert.Equal("succeeded", (await StudyFiles.FollowAsync(client, next.Headers.Location!.ToString(), RunTimeout))[^1].Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StartRun_HostPassesTheRealModelFactory_RunsWithItsTokenCounterAndPrices()
    {
        // assay serve passes Assay.Models.ModelFactory itself: the runner then uses its token counter and price catalog, as assay migrate does.
        var data = Path.Combine(Path.GetTempPath(), "assay-web-tests-" + Guid.NewGuid().ToString("N"));
        var options = new Assay.Services.Configuration.ServicesOptions { DataDir = data, ApiKeys = { new() { Tenant = "acme", Sha256 = Assay.Web.Security.ApiKeyRegistry.Hash(TestServer.AcmeKey) } } };
        using var models = Assay.Services.Tests.Doubles.DoubleModelFactory.CreateReal();
        await using var app = Assay.Web.Hosting.AssayServer.Build(new Assay.Web.Hosting.ServerSettings(options, models) { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(Assay.Web.Hosting.AssayServer.Addresses(app).First()) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestServer.AcmeKey);
            var started = await client.PostAsync(new Uri("/v1/studies/runs", UriKind.Relative), StudyFiles.Upload(UploadedStudy));
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var done = (await StudyFiles.FollowAsync(client, started.Headers.Location!.ToString(), RunTimeout))[^1].Data;
            Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
            var report = await client.GetStringAsync(new Uri(done.GetProperty("report").GetString()!, UriKind.Relative));
            Assert.Contains("input tokens per item", report, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
