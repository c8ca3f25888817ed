using System.Text;
using System.Text.Json;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// Reads a job's JSONL input from S3, line by line (each object at most <c>batch.maxFileBytes</c>):
/// <c>{"recordId"?, "modelInput": {...}}</c> per line, blank lines skipped. A line that is not
/// such an object, or a repeated recordId, fails the job at validation, naming file and line;
/// a record without a recordId gets an 11-character one, as the real service assigns.
/// </summary>
internal static class BedrockInputReader
{
    public static async Task<BedrockInput> ReadAsync(BatchS3 s3, S3Uri input, long maxBytes, int seed, CancellationToken cancellationToken)
    {
        var uris = await s3.ListInputsAsync(input, cancellationToken);
        if (uris.Count == 0)
        {
            return BedrockInput.Invalid($"No .jsonl input files were found under {input}.");
        }

        var files = new List<BedrockInputFile>();
        var records = new List<BedrockRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var uri in uris)
        {
            using var response = await s3.GetAsync(uri, cancellationToken);
            if (response.ContentLength > maxBytes)
            {
                return BedrockInput.Invalid($"The input file {uri} has {response.ContentLength} bytes, more than the {maxBytes} allowed (batch.maxFileBytes).");
            }

            var fileIndex = files.Count;
            files.Add(new BedrockInputFile(uri));
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var (record, error) = ReadLine(line, fileIndex, lineNumber, seed);
                if (record is null)
                {
                    return BedrockInput.Invalid($"Invalid record in {uri} line {lineNumber}: {error}");
                }

                if (!seen.Add(record.RecordId))
                {
                    return BedrockInput.Invalid($"Invalid record in {uri} line {lineNumber}: recordId '{record.RecordId}' is used by an earlier record; each recordId must be unique in a job.");
                }

                records.Add(record);
            }
        }

        return records.Count == 0
            ? BedrockInput.Invalid($"The input {input} has no records: each line must be {{\"recordId\": \"...\", \"modelInput\": {{...}}}}.")
            : new BedrockInput(files, records, null);
    }

    private static (BedrockRecord? Record, string? Error) ReadLine(string line, int fileIndex, int lineNumber, int seed)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return (null, "the line is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the line must be a JSON object with recordId and modelInput.");
            }

            if (!root.TryGetProperty("modelInput", out var modelInput) || modelInput.ValueKind != JsonValueKind.Object)
            {
                return (null, "the record has no modelInput object.");
            }

            string recordId;
            if (root.TryGetProperty("recordId", out var id))
            {
                if (id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
                {
                    return (null, "recordId must be a non-empty string.");
                }

                recordId = id.GetString()!;
            }
            else
            {
                recordId = BatchIds.Make(11, upper: true, "bedrock-record", seed, fileIndex, lineNumber);
            }

            return (new BedrockRecord(fileIndex, recordId, modelInput.GetRawText()), null);
        }
    }
}
