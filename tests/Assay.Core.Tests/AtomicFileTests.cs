namespace Assay.Core.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task Write_NewFolder_ContentWithoutBomAndNoTemporaryFileLeft()
    {
        var dir = Directory.CreateTempSubdirectory("assay-atomic-");
        try
        {
            var path = Path.Combine(dir.FullName, "out", "report.txt");

            AtomicFile.WriteAllText(path, "café");
            await AtomicFile.WriteAsync(Path.Combine(dir.FullName, "out", "table.csv"), w => w.WriteLineAsync("a,b"));

            Assert.Equal("café"u8.ToArray(), await File.ReadAllBytesAsync(path));
            Assert.Equal("a,b" + Environment.NewLine, await File.ReadAllTextAsync(Path.Combine(dir.FullName, "out", "table.csv")));
            Assert.Equal(["report.txt", "table.csv"], Directory.GetFiles(Path.Combine(dir.FullName, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_WriterFails_TargetUntouchedAndNoTemporaryFileLeft()
    {
        var dir = Directory.CreateTempSubdirectory("assay-atomic-");
        try
        {
            var path = Path.Combine(dir.FullName, "kept.txt");
            File.WriteAllText(path, "old");

            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, w =>
            {
                w.Write("half");
                throw new InvalidOperationException("writer failed");
            }));

            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_TargetIsAFolder_ErrorNamesTheTarget()
    {
        var dir = Directory.CreateTempSubdirectory("assay-atomic-");
        try
        {
            var ex = Assert.Throws<AssayException>(() => AtomicFile.WriteAllText(dir.FullName, "x"));

            Assert.Contains(dir.FullName, ex.Message, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.BadInput, ex.ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
