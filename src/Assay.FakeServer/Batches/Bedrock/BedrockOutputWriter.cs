using Assay.FakeServer.Hosting;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// Writes a job's results where the real service puts them: <c>{outputUri}/{jobId}/{input
/// file}.out</c> per input file, the lines in a seeded shuffled order, and
/// <c>{outputUri}/{jobId}/manifest.json.out</c> with the record and token counts.
/// </summary>
internal static class BedrockOutputWriter
{
    public static async Task WriteAsync(BatchS3 s3, BedrockJob job, IReadOnlyList<BedrockInputFile> files, int totalRecords, BedrockRecordProcessor processor, CancellationToken cancellationToken)
    {
        var output = job.Request.Output;
        var folder = output.FolderKey + job.Id + "/";
        for (var f = 0; f < files.Count; f++)
        {
            var lines = processor.Lines.Where(l => l.FileIndex == f).Select(l => l.Line).ToArray();
            job.Plan.ShuffleOutput(lines);
            using var body = new MemoryStream();
            foreach (var line in lines)
            {
                body.Write(line);
                body.WriteByte((byte)'\n');
            }

            await s3.PutAsync(output.Bucket, folder + files[f].FileName + ".out", body.ToArray(), "application/jsonl", cancellationToken);
        }

        var manifest = JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("totalRecordCount", totalRecords);
            w.WriteNumber("processedRecordCount", processor.Processed);
            w.WriteNumber("successRecordCount", processor.Successes);
            w.WriteNumber("errorRecordCount", processor.Errors);
            w.WriteNumber("inputTokenCount", processor.InputTokens);
            w.WriteNumber("outputTokenCount", processor.OutputTokens);
            w.WriteEndObject();
        });
        await s3.PutAsync(output.Bucket, folder + "manifest.json.out", manifest, "application/json", cancellationToken);
    }
}
