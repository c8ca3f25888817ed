using Assay.Migration.Prompts;
using Assay.Migration.Decision;
using Assay.Migration.Study;
using Assay.Migration.Tests.TestDoubles;

namespace Assay.Migration.Tests.Study;

public class StudyLoaderTests
{
    private const string Valid = """
        name: pumps
        dataset:
          path: items.csv
        source:
          model: extractive:lead
          prompt: "Summarise:\n{context}"
        candidates:
          - name: rank
            model: extractive:textrank
            prompt: "Write a short summary of this report.\n{context}"
        criteria:
          quality:
            - metric: rougeL
              margin: 0.05
          latency: { statistic: p90, maxMs: 2000 }
          minCostReductionPercent: 30
        concurrency: 8
        seed: 7
        """;

    [Theory]
    [InlineData("../items.csv")]
    [InlineData("/etc/hostname")]
    [InlineData("/no/such/items.csv")]
    public void Parse_Sandboxed_FileOutsideTheFolderRefusedBeforeItsExistence(string path)
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(Valid.Replace("path: items.csv", "path: " + path, StringComparison.Ordinal), Path.Combine(files.Folder, "study.yaml"), sandbox: files.Folder));
        Assert.Contains("line 3: dataset.path must name a file in the study's own folder", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(path, ex.Message, StringComparison.Ordinal);
    }

    // The valid study with a Bedrock candidate, extra lines under the first candidate and at the end.
    private static string WithBatch(string underFirstCandidate, string atEnd, bool bedrock = true) =>
        Valid.Replace("criteria:", underFirstCandidate + (bedrock ? """
              - name: nova
                model: bedrock:amazon.nova-lite-v1:0
                prompt: "Summarise:\n{context}"

            """ : string.Empty) + "criteria:", StringComparison.Ordinal) + "\n" + atEnd;

    [Theory]
    [InlineData("    generation: { mode: batch }\n", "", false, "candidates[0].generation.mode is 'batch' but 'extractive:textrank' has no provider batch engine")]
    [InlineData("", "generation: { mode: bulk }", true, "generation.mode is 'bulk'; use 'batch'")]
    [InlineData("", "batch: { latencySample: 5 }", true, "batch is set but no model is in batch mode")]
    [InlineData("", "generation: { mode: batch }", true, "batch.s3Uri is missing or not an S3 location")]
    [InlineData("", "generation: { mode: batch }\nbatch:\n  s3Uri: s3://b/p/", true, "batch.roleArn is missing or not an ARN")]
    [InlineData("", "generation: { mode: batch }\nbatch:\n  s3Uri: s3://b/p/\n  roleArn: arn:aws:iam::1:role/r\n  pollSeconds: 0", true, "batch.pollSeconds must be between 0.05 and 3600")]
    public void Parse_BadBatchSettings_RefusedNamingTheField(string underFirstCandidate, string atEnd, bool bedrock, string expected)
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(WithBatch(underFirstCandidate, atEnd, bedrock), Path.Combine(files.Folder, "study.yaml")));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Matches("study.yaml( line [0-9]+)?: ", ex.Message);
    }

    [Fact]
    public void Parse_StudyWideBatchMode_AppliesToModelsWithABatchEngineOnly()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var text = WithBatch(string.Empty, "generation: { mode: batch }\nbatch:\n  s3Uri: s3://bucket/assay\n  roleArn: arn:aws:iam::1:role/r\n");
        var study = StudyLoader.Parse(text, Path.Combine(files.Folder, "study.yaml"));
        Assert.False(study.Source.Batch);
        Assert.Equal([false, true], study.Candidates.Select(c => c.Batch));
        Assert.Equal(30, study.Batch!.LatencySample);
        Assert.False(study.Batch.RetryFailedOnDemand);
        Assert.Equal(TimeSpan.FromHours(48), study.Batch.MaxWait);
    }

    [Fact]
    public void Parse_Sandboxed_FileInsideTheFolderAccepted()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var study = StudyLoader.Parse(Valid, Path.Combine(files.Folder, "study.yaml"), sandbox: files.Folder);
        Assert.Equal(Path.Combine(files.Folder, "items.csv"), study.DatasetPath);
    }

    [Fact]
    public void Parse_ValidStudy_FillsDefaultsAndResolvesPaths()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var study = StudyLoader.Parse(Valid, Path.Combine(files.Folder, "study.yaml"));
        Assert.Equal("pumps", study.Name);
        Assert.Equal(Path.Combine(files.Folder, "items.csv"), study.DatasetPath);
        Assert.Equal("rank", Assert.Single(study.Candidates).Name);
        Assert.Equal(8, study.Concurrency);
        Assert.Equal(1, study.Repeats);
        Assert.Equal(0, study.DevShare);
        Assert.Equal(new QualityCriterion("rougeL", 0.05), Assert.Single(study.Criteria.Quality));
        Assert.Equal(2000, study.Criteria.Latency!.MaxMs);
        Assert.Equal("local:use-lite", study.EmbeddingModel);
        Assert.Equal("You are an assistant.", study.Generation.SystemPrompt);
        Assert.Equal((Assay.Migration.Statistics.IntervalMethod.Bca, 0.95, 2000), study.Intervals);
    }

    [Fact]
    public void Parse_Intervals_MethodLevelAndResamplesRead()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var study = StudyLoader.Parse(Valid + "\nintervals: { method: percentile, level: 0.9, resamples: 500 }\n", Path.Combine(files.Folder, "study.yaml"));
        Assert.Equal((Assay.Migration.Statistics.IntervalMethod.Percentile, 0.9, 500), study.Intervals);
    }

    [Fact]
    public void Parse_UnknownIntervalMethod_ErrorNamesFieldAndChoices()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(Valid + "\nintervals: { method: studentized }\n", Path.Combine(files.Folder, "study.yaml")));
        Assert.Contains("intervals.method", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'bca'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownField_ErrorNamesFileLineAndField()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var path = Path.Combine(files.Folder, "study.yaml");
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(Valid + "\nconcurrancy: 4\n", path));
        Assert.StartsWith($"{path} line 19", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'concurrancy'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CandidatePromptWithContextTwice_IsAWarningNotAWall()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var path = Path.Combine(files.Folder, "study.yaml");
        var yaml = Valid.Replace("Write a short summary of this report.\\n{context}", "{context}\\nSummarise the report above.\\n{context}", StringComparison.Ordinal);

        var study = StudyLoader.Parse(yaml, path);

        var warning = Assert.Single(study.Candidates[0].PromptWarnings);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Contains("candidates[0].prompt contains {context} 2 times", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContextTwiceWithLintStrict_ErrorNamesLineAndField()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var path = Path.Combine(files.Folder, "study.yaml");
        var yaml = Valid.Replace("Write a short summary of this report.\\n{context}", "{context}\\nSummarise the report above.\\n{context}", StringComparison.Ordinal) + "\nlint: strict\n";

        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(yaml, path));

        Assert.StartsWith($"{path} line 10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("candidates[0].prompt contains {context} 2 times", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lint: strict", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadPrompts_EveryFindingListedInOneError()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var path = Path.Combine(files.Folder, "study.yaml");
        var yaml = Valid.Replace("Write a short summary of this report.\\n{context}", "Summarise {{context}} for {audience}", StringComparison.Ordinal);

        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(yaml, path));

        Assert.Contains("double-braced", ex.Message.Replace("'{{context}}' (the double-braced", "double-braced", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("{audience}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("problems in the study's prompts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CandidatePromptWithoutContext_ErrorSaysWhatToAdd()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var yaml = Valid.Replace("Write a short summary of this report.\\n{context}", "Write a short summary.", StringComparison.Ordinal);
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(yaml, Path.Combine(files.Folder, "study.yaml")));
        Assert.Contains("has no {context} placeholder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongType_ErrorNamesLine()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var path = Path.Combine(files.Folder, "study.yaml");
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(Valid.Replace("concurrency: 8", "concurrency: lots", StringComparison.Ordinal), path));
        Assert.StartsWith($"{path} line 17", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDatasetFile_ErrorNamesFieldAndLine()
    {
        using var files = new StudyFiles();
        var path = Path.Combine(files.Folder, "study.yaml");
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(Valid, path));
        Assert.StartsWith($"{path} line 3: dataset.path 'items.csv' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CriterionOnMetricNotComputed_Error()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var ex = Assert.Throws<AssayException>(() => StudyLoader.Parse(Valid.Replace("metric: rougeL", "metric: judge.correctness", StringComparison.Ordinal), Path.Combine(files.Folder, "s.yaml")));
        Assert.Contains("'judge.correctness' is not computed by this study", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptimizedCandidate_DefaultsDevShareAndKeepsSourcePrompt()
    {
        using var files = new StudyFiles();
        files.WriteDataset(3);
        var yaml = Valid.Replace("    prompt: \"Write a short summary of this report.\\n{context}\"", "    optimize: source\n    optimizer: openai:gpt-4o-mini\n    rewrites: 3", StringComparison.Ordinal);
        var study = StudyLoader.Parse(yaml, Path.Combine(files.Folder, "s.yaml"));
        var candidate = Assert.Single(study.Candidates);
        Assert.Equal("openai:gpt-4o-mini", candidate.Optimizer);
        Assert.Equal(3, candidate.Rewrites);
        Assert.Equal(study.Source.Prompt.Text, candidate.Prompt.Text);
        Assert.Equal(0.3, study.DevShare);
    }
}
