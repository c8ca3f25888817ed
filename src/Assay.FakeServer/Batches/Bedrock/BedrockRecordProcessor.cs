using System.Text.Json;
using Assay.FakeServer.Answers;
using Assay.FakeServer.Batches.Bedrock.Families;
using Assay.FakeServer.Counters;
using Assay.FakeServer.Hosting;
using Assay.FakeServer.Routes;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// Answers a job's records in input order, as far as the job gets: each becomes an output line
/// with <c>modelOutput</c> (the family's InvokeModel response), or with <c>error</c> when its
/// <c>modelInput</c> does not fit the family (400) or it drew an injected error (500).
/// </summary>
internal sealed class BedrockRecordProcessor
{
    private readonly IReadOnlyList<BedrockRecord> records;
    private readonly (ChatRequest? Request, string? Error)[] inputs;
    private readonly IReadOnlySet<int> injected;
    private readonly ModelFamily family;
    private readonly AnswerComposer composer;
    private readonly FakeServerCounters counters;
    private readonly List<(int FileIndex, byte[] Line)> lines = [];

    public BedrockRecordProcessor(IReadOnlyList<BedrockRecord> records, ModelFamily family, string modelId, BatchJobPlan plan, AnswerComposer composer, FakeServerCounters counters)
    {
        this.records = records;
        this.family = family;
        this.composer = composer;
        this.counters = counters;
        inputs = [.. records.Select(r =>
        {
            using var document = JsonDocument.Parse(r.ModelInputJson);
            return family.Read(modelId, document.RootElement);
        })];
        injected = plan.ChooseRecordErrors([.. Enumerable.Range(0, records.Count).Where(i => inputs[i].Request is not null)]);
    }

    public int Processed => lines.Count;

    public int Successes { get; private set; }

    public int Errors => Processed - Successes;

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>The output lines so far, with the index of the input file each belongs to.</summary>
    public IReadOnlyList<(int FileIndex, byte[] Line)> Lines => lines;

    public void ProcessUpTo(int count)
    {
        for (var i = lines.Count; i < Math.Min(count, records.Count); i++)
        {
            lines.Add((records[i].FileIndex, Answer(i)));
        }
    }

    private byte[] Answer(int index)
    {
        var record = records[index];
        var (request, error) = inputs[index];
        Answer? answer = null;
        if (request is not null && !injected.Contains(index))
        {
            answer = composer.Compose(request.LastUserMessage, request.AllTexts, request.MaxTokens);
            Successes++;
            InputTokens += answer.InputTokens;
            OutputTokens += answer.OutputTokens;
            counters.BatchRecordAnswered(request.LastUserMessage);
        }

        return JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("recordId", record.RecordId);
            w.WritePropertyName("modelInput");
            w.WriteRawValue(record.ModelInputJson, skipInputValidation: true);
            if (answer is not null)
            {
                w.WritePropertyName("modelOutput");
                family.WriteOutput(w, request!, answer, BatchIds.Make(24, upper: false, "bedrock-response", record.RecordId, index));
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteNumber("errorCode", error is null ? 500 : 400);
                w.WriteString("errorMessage", error ?? "The model could not process this record (injected by the Assay fake server: batch.recordErrorRate).");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }
}
