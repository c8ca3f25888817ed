using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Assay.Services.Configuration;
using Assay.Services.Rag.Documents;
using Xunit.Abstractions;

namespace Assay.Services.Tests.Rag.Documents;

public sealed class ZipBoundsTests(ITestOutputHelper output)
{
    // A DOCX whose document.xml is ~51 MB of one repeated paragraph: it packs to well under 1 MB.
    private static byte[] Bomb(long unpackedBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var body = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var paragraph = Encoding.UTF8.GetBytes("<w:p><w:r><w:t>Overtime is paid at one and a half times the hourly rate.</w:t></w:r></w:p>");
            for (long written = 0; written < unpackedBytes; written += paragraph.Length)
            {
                body.Write(paragraph);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task LoadAsync_DocxUnpackingTo51MB_RefusedNamingTheRatioSettingWithLittleMemory()
    {
        var bomb = Bomb(51_000_000);
        var loader = new DocumentLoader(new PdfTextExtractor());
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AssayException>(() => loader.LoadAsync("bomb.docx", bomb, CancellationToken.None));

        clock.Stop();
        var extra = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"DOCX bomb: {bomb.Length:N0} bytes packed, refused after {clock.Elapsed.TotalMilliseconds:F0} ms, {extra / 1e6:F1} MB allocated (figures under load)");
        Assert.Contains("bomb.docx", error.Message, StringComparison.Ordinal);
        Assert.Contains("services.rag.maxCompressionRatio", error.Message, StringComparison.Ordinal);
        Assert.True(extra < 50_000_000, $"{extra:N0} bytes allocated");
    }

    [Fact]
    public async Task LoadAsync_DocxOverTheUnpackedLimit_RefusedNamingThatSetting()
    {
        var loader = new DocumentLoader(new PdfTextExtractor(), new RagOptions { MaxUnpackedBytes = 1_000_000, MaxCompressionRatio = 100_000 });

        var error = await Assert.ThrowsAsync<AssayException>(() => loader.LoadAsync("big.docx", Bomb(2_000_000), CancellationToken.None));

        Assert.Contains("services.rag.maxUnpackedBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_PolicyDocx_WithinBoundsAndRead()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "policies", "hr-handbook.docx");
        var document = await new DocumentLoader(new PdfTextExtractor()).LoadAsync("hr-handbook.docx", await File.ReadAllBytesAsync(path), CancellationToken.None);

        Assert.Contains("37.5 hours", string.Concat(document.Pages.Select(p => p.Text)), StringComparison.Ordinal);
    }
}
