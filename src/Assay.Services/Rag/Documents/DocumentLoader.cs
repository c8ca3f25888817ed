using System.Security.Cryptography;

namespace Assay.Services.Rag.Documents;

/// <summary>Reads PDF, DOCX, Markdown and plain text into pages, choosing by the file's extension, within the bounds of <see cref="Configuration.RagOptions"/>.</summary>
public sealed class DocumentLoader(PdfTextExtractor pdf, Configuration.RagOptions? limits = null)
{
    private readonly Configuration.RagOptions limits = limits ?? new Configuration.RagOptions();

    public static readonly IReadOnlyList<string> SupportedExtensions = [".pdf", ".docx", ".md", ".markdown", ".txt", ".text"];

    public async Task<LoadedDocument> LoadAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var safeName = SafeFileName(fileName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var extension = Path.GetExtension(safeName).ToLowerInvariant();
        IReadOnlyList<DocumentPage> pages = extension switch
        {
            ".pdf" => await pdf.ExtractAsync(safeName, content, cancellationToken),
            ".docx" => Docx(safeName, content),
            ".md" or ".markdown" => [new DocumentPage(1, MarkdownTextExtractor.Extract(content))],
            ".txt" or ".text" => [new DocumentPage(1, PlainText(safeName, content))],
            _ => throw new AssayException($"File '{safeName}' has an unsupported type '{extension}': send one of {string.Join(", ", SupportedExtensions)}."),
        };
        if (pages.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            throw new AssayException($"File '{safeName}' has no extractable text (a scanned PDF needs OCR first, e.g. tesseract).");
        }

        return new LoadedDocument(safeName, hash, pages);
    }

    /// <summary>The file's own name only: folders (and any ../ in them) are dropped, so a name can never point outside the index.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.Length > 200 || name.Any(char.IsControl))
        {
            throw new AssayException($"File name '{fileName}' is not usable: send a plain file name such as handbook.pdf.");
        }

        return name;
    }

    private IReadOnlyList<DocumentPage> Docx(string fileName, byte[] content)
    {
        ZipBounds.Check(fileName, content, limits.MaxUnpackedBytes, limits.MaxCompressionRatio);
        return DocxTextExtractor.Extract(fileName, content);
    }

    private static string PlainText(string fileName, byte[] content)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new AssayException($"File '{fileName}' is not UTF-8 text: convert it to UTF-8 and upload again.");
        }
    }
}
