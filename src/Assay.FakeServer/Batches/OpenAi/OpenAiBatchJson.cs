using System.Text.Json;

namespace Assay.FakeServer.Batches.OpenAi;

/// <summary>The Batch API's <c>batch</c> object, every field present and null until it applies, as OpenAI sends it.</summary>
internal static class OpenAiBatchJson
{
    public static void Write(Utf8JsonWriter w, OpenAiBatch batch)
    {
        var s = batch.State;
        var request = batch.Request;
        w.WriteStartObject();
        w.WriteString("id", batch.Id);
        w.WriteString("object", "batch");
        w.WriteString("endpoint", request.Endpoint);
        WriteErrors(w, s.Errors);
        w.WriteString("input_file_id", request.InputFileId);
        w.WriteString("completion_window", request.CompletionWindow);
        w.WriteString("status", s.Status.Wire());
        Nullable(w, "output_file_id", s.OutputFileId);
        Nullable(w, "error_file_id", s.ErrorFileId);
        w.WriteNumber("created_at", batch.CreatedAt);
        Nullable(w, "in_progress_at", s.InProgressAt);
        w.WriteNumber("expires_at", batch.ExpiresAt);
        Nullable(w, "finalizing_at", s.FinalizingAt);
        Nullable(w, "completed_at", s.CompletedAt);
        Nullable(w, "failed_at", s.FailedAt);
        Nullable(w, "expired_at", s.ExpiredAt);
        Nullable(w, "cancelling_at", s.CancellingAt);
        Nullable(w, "cancelled_at", s.CancelledAt);
        w.WriteStartObject("request_counts");
        w.WriteNumber("total", s.Total);
        w.WriteNumber("completed", s.Completed);
        w.WriteNumber("failed", s.Failed);
        w.WriteEndObject();
        if (request.Metadata is null)
        {
            w.WriteNull("metadata");
        }
        else
        {
            w.WriteStartObject("metadata");
            foreach (var (key, value) in request.Metadata)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter w, IReadOnlyList<OpenAiBatchError>? errors)
    {
        if (errors is null)
        {
            w.WriteNull("errors");
            return;
        }

        w.WriteStartObject("errors");
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var error in errors)
        {
            w.WriteStartObject();
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            Nullable(w, "param", error.Param);
            Nullable(w, "line", error.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Nullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, value.Value);
        }
    }
}
