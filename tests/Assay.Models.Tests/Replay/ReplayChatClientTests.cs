using Assay.Models.Metering;
using Assay.Models.Tests.TestDoubles;
using Assay.Testing;
using Microsoft.Extensions.AI;

namespace Assay.Models.Tests.Replay;

public sealed class ReplayChatClientTests : IDisposable
{
    private const string Workshop = "workshop/document_summarization_source_model.csv";
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SharedDataFact(Workshop)]
    public async Task GetResponse_WorkshopPrompt_AnswersWithRecordedResponseLatencyTokensAndCost()
    {
        using var factory = CreateSut();
        var client = factory.CreateChatClient("replay:" + SharedData.File(Workshop));
        var prompt = FirstRecordedPrompt();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "You are an assistant."), new ChatMessage(ChatRole.User, prompt)]);
        var metrics = response.GetCallMetrics()!;

        Assert.StartsWith("Reece Group acquires former BAE Systems plant", response.Text, StringComparison.Ordinal);
        Assert.True(metrics.Replayed);
        Assert.Equal(TimeSpan.FromMilliseconds(940), metrics.Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(916), metrics.ServerLatency);
        Assert.Equal(300, metrics.InputTokens);
        Assert.Equal(52, metrics.OutputTokens);
        Assert.False(metrics.TokensEstimated);
        Assert.Equal(0.000231m, metrics.CostUsd); // the recording's own cost column for this row
    }

    [SharedDataFact(Workshop)]
    public async Task GetResponse_UnrecordedPrompt_ClearError()
    {
        using var factory = CreateSut();
        var client = factory.CreateChatClient("replay:" + SharedData.File(Workshop));

        var ex = await Assert.ThrowsAsync<AssayException>(() => client.GetResponseAsync("a prompt nobody recorded"));

        Assert.Contains("has no answer for the prompt 'a prompt nobody recorded'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("73 recorded prompts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_JsonlLog_ReadsBedrockAndOpenAiShapes()
    {
        var path = Write("log.jsonl", """
            {"prompt":"Summarize A.","response":"A in short.","latencyMs":1200,"serverLatencyMs":1100,"inputTokens":7,"outputTokens":3,"model":"source_model"}
            {"request":{"messages":[{"role":"user","content":[{"text":"Summarize B."}]}]},"response":{"output":{"message":{"content":[{"text":"B in short."}]}},"usage":{"inputTokens":8,"outputTokens":4},"metrics":{"latencyMs":640}},"latency":0.7,"model":"source_model"}
            {"messages":[{"role":"user","content":"Summarize C."}],"response":{"choices":[{"message":{"content":"C in short."}}],"usage":{"prompt_tokens":9,"completion_tokens":2}},"model":"source_model"}
            """);
        using var factory = CreateSut();
        var client = factory.CreateChatClient("replay:" + path);

        var b = await client.GetResponseAsync("Summarize B.");
        var c = await client.GetResponseAsync("  Summarize   C. ");

        Assert.Equal("B in short.", b.Text);
        Assert.Equal(TimeSpan.FromMilliseconds(700), b.GetCallMetrics()!.Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(640), b.GetCallMetrics()!.ServerLatency);
        Assert.Equal(8, b.GetCallMetrics()!.InputTokens);
        Assert.Equal("C in short.", c.Text);
        Assert.Equal(9, c.GetCallMetrics()!.InputTokens);
        Assert.Null(c.GetCallMetrics()!.Latency);
    }

    [Fact]
    public void CreateChatClient_CsvWithoutResponseColumn_NamesTheColumn()
    {
        var path = Write("bad.csv", "model,prompt\nm,hello\n");
        using var factory = CreateSut();

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("replay:" + path));

        Assert.Contains("'model_response'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChatClient_BadNumber_NamesRecordAndColumn()
    {
        var path = Write("bad.csv", "model,prompt,model_response,latency\nsource_model,\"multi\nline\",ok,1.0\nsource_model,p2,ok,fast\n");
        using var factory = CreateSut();

        var ex = Assert.ThrowsAny<AssayException>(() => factory.CreateChatClient("replay:" + path));

        Assert.Contains("line 4, column 4 ('latency'): 'fast' is not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChatClient_MissingFile_SaysWhatReplayNeeds()
    {
        using var factory = CreateSut();

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("replay:/no/such/recording.csv"));

        Assert.Contains("/no/such/recording.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChatClient_RecordedModelWithoutPrice_SaysHowToAddOne()
    {
        var path = Write("unpriced.csv", "model,prompt,model_response\nmystery-model,p,r\n");
        using var factory = CreateSut();

        var ex = Assert.Throws<AssayException>(() => factory.CreateChatClient("replay:" + path));

        Assert.Contains("No price for model 'mystery-model'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ASSAY_PRICES", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_FailedRecordingsSkipped()
    {
        var path = Write("mixed.csv", "model,prompt,model_response,api_call_status\nsource_model,p,first try failed,Error\nsource_model,p,second try,Success\n");
        using var factory = CreateSut();

        var response = await factory.CreateChatClient("replay:" + path).GetResponseAsync("p");

        Assert.Equal("second try", response.Text);
    }

    private static ModelFactory CreateSut() =>
        new(new ModelFactoryOptions { Environment = TestFactory.Environment() });

    private static string FirstRecordedPrompt()
    {
        var table = Assay.Tabular.TabularReader.ReadCsv(SharedData.File(Workshop));
        return table.Text(table.Rows[0], "prompt")!;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
