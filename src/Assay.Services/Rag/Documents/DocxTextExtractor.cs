using System.Text;

using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assay.Services.Rag.Documents;

/// <summary>
/// Word text through DocumentFormat.OpenXml: one paragraph per line, blank line between
/// paragraphs. DOCX has no fixed pages; explicit page breaks (and section breaks) start a new page.
/// </summary>
internal static class DocxTextExtractor
{
    public static IReadOnlyList<DocumentPage> Extract(string fileName, byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new AssayException($"File '{fileName}' has no document body: is it a Word document?");
            var pages = new List<DocumentPage>();
            var current = new StringBuilder();
            foreach (var paragraph in body.Descendants<W.Paragraph>())
            {
                var breaksPage = paragraph.Descendants<W.Break>().Any(b => b.Type?.Value == W.BreakValues.Page)
                    || paragraph.Descendants<W.LastRenderedPageBreak>().Any();
                if (breaksPage && current.Length > 0)
                {
                    pages.Add(new DocumentPage(pages.Count + 1, current.ToString()));
                    current.Clear();
                }

                var text = string.Concat(paragraph.Descendants<W.Text>().Select(t => t.Text));
                if (text.Length > 0)
                {
                    current.Append(text).Append("\n\n");
                }
            }

            if (current.Length > 0 || pages.Count == 0)
            {
                pages.Add(new DocumentPage(pages.Count + 1, current.ToString()));
            }

            return pages;
        }
        catch (Exception ex) when (ex is not AssayException and not OutOfMemoryException)
        {
            throw new AssayException($"File '{fileName}' is not a valid Word (.docx) document: {ex.Message}");
        }
    }
}
