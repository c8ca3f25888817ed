using Assay.Cli.Commands;
using Assay.Migration.Demo;
using Assay.Migration.Pairing;
using Assay.Migration.Study;
using Assay.Models.Replay;

namespace Assay.Cli.Tests.Commands;

public sealed class DemoRecordingTests
{
    [Fact]
    public async Task CreateAsync_RerunOfTheBundledSourceMethod_SameAnswersAsTheBundledRecording()
    {
        var study = StudyLoader.Load(MigrationCommands.LocateDemoStudy());
        var bundled = RecordingReader.Read(study.Source.RecordingPath!);
        var path = Path.Combine(Path.GetTempPath(), "assay-rec-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        try
        {
            using var models = ModelWiring.Create(requirePrices: false);
            var count = await DemoRecording.CreateAsync(models, study, path, TimeProvider.System, CancellationToken.None);
            var fresh = RecordingReader.Read(path);
            Assert.Equal(30, count);
            Assert.Equal(bundled.Select(c => (c.Prompt, c.Response, c.InputTokens, c.OutputTokens)), fresh.Select(c => (c.Prompt, c.Response, c.InputTokens, c.OutputTokens)));
            Assert.All(bundled, c => Assert.Equal(DemoRecording.SourceModel, c.Model));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
