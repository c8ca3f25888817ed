using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assay.FakeServer.Batches.Bedrock;

/// <summary>
/// Reads a CreateModelInvocationJob body with the service's constraints, answering a
/// ValidationException message in its wording ("1 validation error detected: Value ... at
/// 'jobName' failed to satisfy constraint: ...") when one fails.
/// </summary>
internal static partial class BedrockJobRequestReader
{
    public const int DefaultTimeoutHours = 24;

    public static (BedrockJobRequest? Request, string? Error) Read(JsonElement root)
    {
        var jobName = Text(root, "jobName");
        var roleArn = Text(root, "roleArn");
        var modelId = Text(root, "modelId");
        var inputUri = Nested(root, "inputDataConfig", "s3InputDataConfig", "s3Uri");
        var inputFormat = Nested(root, "inputDataConfig", "s3InputDataConfig", "s3InputFormat") ?? "JSONL";
        var outputUri = Nested(root, "outputDataConfig", "s3OutputDataConfig", "s3Uri");
        var token = Text(root, "clientRequestToken");
        var error = Required(jobName, "jobName") ?? Required(roleArn, "roleArn") ?? Required(modelId, "modelId")
            ?? Required(inputUri, "inputDataConfig.s3InputDataConfig.s3Uri") ?? Required(outputUri, "outputDataConfig.s3OutputDataConfig.s3Uri");
        if (error is not null)
        {
            return (null, error);
        }

        if (jobName!.Length > 63 || !JobNamePattern().IsMatch(jobName))
        {
            return (null, Constraint(jobName, "jobName", "Member must satisfy regular expression pattern: [a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}"));
        }

        if (!RoleArnPattern().IsMatch(roleArn!))
        {
            return (null, Constraint(roleArn!, "roleArn", "Member must satisfy regular expression pattern: ^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$"));
        }

        if (S3Uri.TryParse(inputUri) is null)
        {
            return (null, Constraint(inputUri!, "inputDataConfig.s3InputDataConfig.s3Uri", "Member must satisfy regular expression pattern: ^s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?$"));
        }

        if (S3Uri.TryParse(outputUri) is null)
        {
            return (null, Constraint(outputUri!, "outputDataConfig.s3OutputDataConfig.s3Uri", "Member must satisfy regular expression pattern: ^s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?$"));
        }

        if (inputFormat != "JSONL")
        {
            return (null, Constraint(inputFormat, "inputDataConfig.s3InputDataConfig.s3InputFormat", "Member must satisfy enum value set: [JSONL]"));
        }

        if (token is not null && (token.Length is < 1 or > 256 || !TokenPattern().IsMatch(token)))
        {
            return (null, Constraint(token, "clientRequestToken", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}$"));
        }

        var timeout = DefaultTimeoutHours;
        if (root.TryGetProperty("timeoutDurationInHours", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out timeout) || timeout is < 24 or > 168)
            {
                return (null, Constraint(t.GetRawText(), "timeoutDurationInHours", "Member must have value between 24 and 168"));
            }
        }

        return (new BedrockJobRequest(jobName, roleArn!, modelId!, inputUri!, inputFormat, outputUri!, token, timeout), null);
    }

    private static string? Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? $"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null" : null;

    private static string Constraint(string value, string field, string constraint) =>
        $"1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: {constraint}";

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Nested(JsonElement root, string outer, string inner, string name) =>
        root.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(inner, out var i) ? Text(i, name) : null;

    [GeneratedRegex(@"^[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])*$")]
    private static partial Regex JobNamePattern();

    [GeneratedRegex(@"^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9](-*[a-zA-Z0-9])*$")]
    private static partial Regex TokenPattern();
}
