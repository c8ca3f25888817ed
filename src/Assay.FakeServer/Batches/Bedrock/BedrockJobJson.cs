using System.Globalization;
using System.Text.Json;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// A job as GetModelInvocationJob returns it (and ListModelInvocationJobs, one per summary):
/// ISO-8601 times with milliseconds, and, as AWS JSON does, absent fields rather than nulls.
/// </summary>
internal static class BedrockJobJson
{
    public static void Write(Utf8JsonWriter w, BedrockJob job)
    {
        var state = job.State;
        var request = job.Request;
        w.WriteStartObject();
        w.WriteString("jobArn", job.Arn);
        w.WriteString("jobName", request.JobName);
        w.WriteString("modelId", request.ModelId);
        if (request.ClientRequestToken is not null)
        {
            w.WriteString("clientRequestToken", request.ClientRequestToken);
        }

        w.WriteString("roleArn", request.RoleArn);
        w.WriteString("status", state.Status.ToString());
        if (state.Message is not null)
        {
            w.WriteString("message", state.Message);
        }

        w.WriteString("submitTime", Time(job.SubmitTime));
        w.WriteString("lastModifiedTime", Time(state.LastModifiedTime));
        if (state.EndTime is { } end)
        {
            w.WriteString("endTime", Time(end));
        }

        w.WriteStartObject("inputDataConfig");
        w.WriteStartObject("s3InputDataConfig");
        w.WriteString("s3InputFormat", request.InputFormat);
        w.WriteString("s3Uri", request.InputUri);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("outputDataConfig");
        w.WriteStartObject("s3OutputDataConfig");
        w.WriteString("s3Uri", request.OutputUri);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteNumber("timeoutDurationInHours", request.TimeoutDurationInHours);
        w.WriteString("jobExpirationTime", Time(job.JobExpirationTime));
        w.WriteNumber("totalRecordCount", state.TotalRecordCount);
        w.WriteNumber("processedRecordCount", state.ProcessedRecordCount);
        w.WriteNumber("successRecordCount", state.SuccessRecordCount);
        w.WriteNumber("errorRecordCount", state.ErrorRecordCount);
        w.WriteEndObject();
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
