using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Assay.Models.Batch;

namespace Assay.Models.Bedrock.Batch;

/// <summary>
/// Amazon Bedrock batch inference: the requests are written as <c>{recordId, modelInput}</c>
/// JSONL to S3 under the study's prefix, a job is created with CreateModelInvocationJob
/// (the idempotency token makes a repeated submission the same job), GetModelInvocationJob is
/// polled, and the <c>.jsonl.out</c> files the job writes under its output prefix are read
/// back line by line. The input is spooled through a temporary file, so memory does not grow
/// with the number of requests.
/// </summary>
internal sealed class BedrockBatchInference(BedrockConnection control, IAmazonS3 s3, string modelName, string modelId, S3Location root, string roleArn) : IBatchInference
{
    private readonly string _family = BatchModelBodies.Family(modelName);

    public async Task<string> SubmitAsync(string jobName, string idempotencyToken, IReadOnlyList<BatchRequest> requests, CancellationToken cancellationToken)
    {
        var input = root.Under(jobName).Key("input/records.jsonl");
        var output = root.Under(jobName).Under("output");
        var spool = Path.GetTempFileName();
        try
        {
            await using (var file = new StreamWriter(spool, false, new UTF8Encoding(false)))
            {
                foreach (var r in requests)
                {
                    var line = new JsonObject { ["recordId"] = r.RecordId, ["modelInput"] = BatchModelBodies.Request(_family, r) };
                    await file.WriteLineAsync(line.ToJsonString().AsMemory(), cancellationToken);
                }
            }

            await s3.PutObjectAsync(new PutObjectRequest { BucketName = root.Bucket, Key = input, FilePath = spool, ContentType = "application/jsonl" }, cancellationToken);
        }
        catch (AmazonS3Exception ex)
        {
            throw new AssayException($"Batch inference for '{modelId}' could not write its input to s3://{root.Bucket}/{input}: {ex.ErrorCode} {ex.Message}", ExitCodes.ModelUnavailable, ex);
        }
        finally
        {
            File.Delete(spool);
        }

        var body = new JsonObject
        {
            ["jobName"] = jobName,
            ["roleArn"] = roleArn,
            ["modelId"] = modelName,
            ["clientRequestToken"] = idempotencyToken,
            ["inputDataConfig"] = new JsonObject { ["s3InputDataConfig"] = new JsonObject { ["s3Uri"] = $"s3://{root.Bucket}/{input}", ["s3InputFormat"] = "JSONL" } },
            ["outputDataConfig"] = new JsonObject { ["s3OutputDataConfig"] = new JsonObject { ["s3Uri"] = output.ToString() } },
        };
        using var response = await control.PostAsync("model-invocation-job", Encoding.UTF8.GetBytes(body.ToJsonString()), modelId, false, cancellationToken);
        using var json = await BedrockConnection.ReadJsonAsync(response, modelId, cancellationToken);
        return json.RootElement.TryGetProperty("jobArn", out var arn) && arn.GetString() is { Length: > 0 } id
            ? id
            : throw new ModelServiceException($"Model '{modelId}': CreateModelInvocationJob answered without a jobArn", null, "MalformedResponse", false);
    }

    public async Task<BatchJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        using var json = await DescribeAsync(jobId, cancellationToken);
        var root = json.RootElement;
        var status = root.TryGetProperty("status", out var s) ? s.GetString() ?? "Unknown" : "Unknown";
        var state = status switch
        {
            "Submitted" or "Validating" or "Scheduled" => BatchJobState.Queued,
            "InProgress" or "Stopping" => BatchJobState.Running,
            "Completed" => BatchJobState.Completed,
            "PartiallyCompleted" => BatchJobState.PartiallyCompleted,
            "Expired" => BatchJobState.Expired,
            "Stopped" => BatchJobState.Stopped,
            _ => BatchJobState.Failed,
        };
        return new BatchJobStatus(jobId, state, status, root.TryGetProperty("message", out var m) ? m.GetString() : null);
    }

    public async IAsyncEnumerable<BatchResult> ReadResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string outputUri;
        using (var json = await DescribeAsync(jobId, cancellationToken))
        {
            outputUri = json.RootElement.GetProperty("outputDataConfig").GetProperty("s3OutputDataConfig").GetProperty("s3Uri").GetString()!;
        }

        // The job writes under OUTPUT/JOB-ID/, JOB-ID being the last part of its ARN.
        var folder = S3Location.Parse(outputUri, "the job's output location").Under(jobId[(jobId.LastIndexOf('/') + 1)..]);
        var keys = new List<string>();
        var list = new ListObjectsV2Request { BucketName = folder.Bucket, Prefix = folder.Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(list, cancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => k.EndsWith(".jsonl.out", StringComparison.Ordinal)));
            list.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            using var obj = await s3.GetObjectAsync(folder.Bucket, key, cancellationToken);
            using var reader = new StreamReader(obj.ResponseStream, Encoding.UTF8);
            var lineNo = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNo++;
                if (line.Length > 0)
                {
                    yield return Parse(line, $"s3://{folder.Bucket}/{key} line {lineNo}");
                }
            }
        }
    }

    public void Dispose() => s3.Dispose();

    private BatchResult Parse(string line, string where)
    {
        using var doc = ParseLine(line, where);
        var root = doc.RootElement;
        var recordId = root.TryGetProperty("recordId", out var id) ? id.GetString() ?? string.Empty : string.Empty;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("errorCode", out var c) ? c.ToString() : "?";
            var message = error.TryGetProperty("errorMessage", out var m) ? m.GetString() : null;
            return new BatchResult(recordId, null, 0, 0, $"BatchRecordError {code}: {message}");
        }

        if (!root.TryGetProperty("modelOutput", out var output))
        {
            return new BatchResult(recordId, null, 0, 0, $"BatchRecordError: {where} has neither modelOutput nor error");
        }

        var (text, input, produced) = BatchModelBodies.Answer(_family, output);
        return new BatchResult(recordId, text, input, produced, null);
    }

    private JsonDocument ParseLine(string line, string where)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new ModelServiceException($"Model '{modelId}': the batch output {where} is not JSON ({ex.Message})", null, "MalformedResponse", false, ex);
        }
    }

    private async Task<JsonDocument> DescribeAsync(string jobId, CancellationToken cancellationToken)
    {
        using var response = await control.GetAsync("model-invocation-job/" + Uri.EscapeDataString(jobId), modelId, cancellationToken);
        return await BedrockConnection.ReadJsonAsync(response, modelId, cancellationToken);
    }
}
