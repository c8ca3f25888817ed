using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Assay.Services.Rag.Documents;

/// <summary>Markdown to plain text with Markdig: headings, paragraphs, list items and code as separate blocks, markup dropped.</summary>
internal static class MarkdownTextExtractor
{
    public static string Extract(byte[] content)
    {
        var markdown = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var builder = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            var text = block.Inline is { } inline ? InlineText(inline) : string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
            if (!string.IsNullOrWhiteSpace(text))
            {
                builder.Append(text.Trim());
                builder.Append(block is HeadingBlock && !text.TrimEnd().EndsWith('.') ? ".\n\n" : "\n\n");
            }
        }

        return builder.ToString();
    }

    private static string InlineText(ContainerInline container)
    {
        var builder = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString();
    }
}
