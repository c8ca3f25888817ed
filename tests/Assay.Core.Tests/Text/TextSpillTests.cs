using Assay.Text;

namespace Assay.Core.Tests.Text;

public sealed class TextSpillTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("assay-spill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Add_TextsOfEveryKind_ReadBackExactly()
    {
        using var spill = TextSpill.Create(_dir);
        string[] texts = ["", "plain", "Zürich — 温度 ✓ 🚒", new string('x', 100_000), "line\r\nbreak\0nul"];

        var kept = texts.Select(spill.Add).ToList();

        Assert.Equal(texts, kept.Select(k => k.ToString()));
        Assert.Equal(texts.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t)), spill.Bytes);
    }

    [Fact]
    public async Task AddAndRead_FromManyThreadsAtOnce_EveryTextIsItsOwn()
    {
        using var spill = TextSpill.Create(_dir);
        var kept = new SpilledText[2_000];

        await Parallel.ForAsync(0, kept.Length, (i, _) =>
        {
            kept[i] = spill.Add($"item {i}: " + new string((char)('a' + (i % 26)), i % 300));
            return ValueTask.CompletedTask;
        });
        var wrong = 0;
        await Parallel.ForAsync(0, kept.Length, (i, _) =>
        {
            if (kept[i].ToString() != $"item {i}: " + new string((char)('a' + (i % 26)), i % 300))
            {
                Interlocked.Increment(ref wrong);
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Create_OnUnix_LeavesNoFileBehindEvenBeforeDispose()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows deletes the file when it is closed instead
        }

        using var spill = TextSpill.Create(_dir);
        spill.Add("kept in the open handle only");

        Assert.Empty(Directory.GetFiles(_dir));
        Assert.Equal("kept in the open handle only", spill.Add("kept in the open handle only").ToString());
    }
}
