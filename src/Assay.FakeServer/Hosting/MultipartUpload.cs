using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Assay.FakeServer.Hosting;

/// <summary>
/// Reads a multipart/form-data upload with bounded memory: the file part up to a byte limit
/// (reading stops as soon as it is passed), text fields up to 64 KB each, at most 16 parts.
/// Kestrel's own body limit is raised to just above the file limit for this request only.
/// </summary>
internal static class MultipartUpload
{
    /// <summary>Room for the boundaries, part headers and text fields around the file.</summary>
    public const long Overhead = 1024 * 1024;

    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxParts = 16;

    public static async Task<UploadedForm> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return UploadedForm.Invalid("The request must be multipart/form-data with a 'file' part and a 'purpose' field.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return UploadedForm.Invalid("The multipart/form-data Content-Type has no boundary.");
        }

        if (request.ContentLength > maxFileBytes + Overhead)
        {
            return UploadedForm.OverLimit();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxFileBytes + Overhead;
        }

        try
        {
            return await ReadPartsAsync(new MultipartReader(boundary, request.Body), maxFileBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return UploadedForm.OverLimit();
        }
        catch (InvalidDataException ex)
        {
            return UploadedForm.Invalid($"The multipart/form-data body is malformed: {ex.Message}");
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return UploadedForm.Invalid($"The multipart/form-data body is malformed: {ex.Message}");
        }
    }

    private static async Task<UploadedForm> ReadPartsAsync(MultipartReader reader, long maxFileBytes, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fileName = null;
        byte[]? content = null;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > MaxParts)
            {
                return UploadedForm.Invalid($"The multipart/form-data body has more than {MaxParts} parts.");
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return UploadedForm.Invalid("Each multipart part needs a 'Content-Disposition: form-data; name=...' header.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (name == "file" || disposition.IsFileDisposition())
            {
                var bytes = await ReadBoundedAsync(section.Body, maxFileBytes, cancellationToken);
                if (bytes is null)
                {
                    return UploadedForm.OverLimit();
                }

                if (name == "file")
                {
                    content = bytes;
                    var given = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    fileName = string.IsNullOrEmpty(given) ? "file" : given;
                }
            }
            else
            {
                var bytes = await ReadBoundedAsync(section.Body, MaxFieldBytes, cancellationToken);
                if (bytes is null)
                {
                    return UploadedForm.Invalid($"The form field '{name}' is longer than {MaxFieldBytes} bytes.");
                }

                fields[name] = System.Text.Encoding.UTF8.GetString(bytes);
            }
        }

        return new UploadedForm(fields, fileName, content);
    }

    /// <returns>The bytes, or null as soon as there are more than <paramref name="max"/>.</returns>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
