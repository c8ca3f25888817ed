using System.Globalization;
using System.IO.Compression;

namespace Assay.Services.Rag.Documents;

/// <summary>
/// Checks a DOCX (a zip) against its unpacking bounds before any XML parser sees it, by unpacking
/// every entry through a counting stream: the declared sizes in the zip directory are not trusted,
/// and reading stops at the first byte past a bound, so a zip bomb costs at most the bound in CPU
/// and a small buffer in memory. Bounds: total unpacked bytes (<c>services.rag.maxUnpackedBytes</c>)
/// and unpacked / packed ratio per entry (<c>services.rag.maxCompressionRatio</c>; entries under
/// 1 MB unpacked are exempt, since small XML parts compress very well).
/// </summary>
internal static class ZipBounds
{
    private const long RatioExemptBytes = 1_000_000;

    public static void Check(string fileName, byte[] content, long maxUnpackedBytes, int maxRatio)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new AssayException($"File '{fileName}' is not a valid Word (.docx) document: {ex.Message}");
        }

        using (zip)
        {
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                long unpacked = 0;
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    unpacked += read;
                    total += read;
                    if (total > maxUnpackedBytes)
                    {
                        throw new AssayException(string.Create(CultureInfo.InvariantCulture,
                            $"File '{fileName}' unpacks to more than {maxUnpackedBytes:N0} bytes (limit services.rag.maxUnpackedBytes): split the document, or raise that setting if it is genuine."));
                    }

                    if (unpacked > RatioExemptBytes && unpacked > (double)maxRatio * Math.Max(1, entry.CompressedLength))
                    {
                        throw new AssayException(string.Create(CultureInfo.InvariantCulture,
                            $"File '{fileName}': part '{entry.FullName}' unpacks to more than {maxRatio} times its packed size (limit services.rag.maxCompressionRatio), as a zip bomb does; raise that setting if the document is genuine."));
                    }
                }
            }
        }
    }
}
