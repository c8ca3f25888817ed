// Builds the evaluation set's DOCX and HTML (for Chromium's print-to-PDF) from its Markdown sources.
// Usage: dotnet run scripts/policy-docs.cs -- tests/Assay.Services.Tests/Data/policies
// (scripts/policy-docs.sh runs this, then Chromium, so all three formats come from one text.)
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:package Markdig@1.6.0
#:package DocumentFormat.OpenXml@2.20.0

using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

var folder = args.Length > 0 ? args[0] : ".";
foreach (var md in Directory.GetFiles(folder, "*.md").Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)).Order())
{
    var text = File.ReadAllText(md);
    var name = Path.GetFileNameWithoutExtension(md);
    var html = Markdig.Markdown.ToHtml(text);
    var title = WebUtility.HtmlEncode(text.Split('\n')[0].TrimStart('#', ' '));
    File.WriteAllText(Path.Combine(folder, name + ".html"),
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title><style>body{{font-family:serif;font-size:12pt;line-height:1.4;margin:0}}h1{{font-size:18pt}}h2{{font-size:14pt;margin-top:14pt}}</style></head><body>{html}</body></html>");
    WriteDocx(Path.Combine(folder, name + ".docx"), text);
    Console.WriteLine($"{name}: html + docx");
}

static void WriteDocx(string path, string markdown)
{
    using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
    var main = doc.AddMainDocumentPart();
    var body = new Body();
    foreach (var raw in markdown.Split('\n'))
    {
        var line = raw.TrimEnd();
        if (line.Length == 0)
        {
            continue;
        }

        string? style = null;
        if (line.StartsWith("# ", StringComparison.Ordinal)) { style = "Heading1"; line = line[2..]; }
        else if (line.StartsWith("## ", StringComparison.Ordinal)) { style = "Heading2"; line = line[3..]; }
        else if (line.StartsWith("- ", StringComparison.Ordinal)) { line = "• " + line[2..]; }

        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve }));
        body.Append(paragraph);
    }

    main.Document = new Document(body);
    main.Document.Save();
}
