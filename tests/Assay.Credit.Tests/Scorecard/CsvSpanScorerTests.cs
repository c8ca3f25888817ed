using Assay.Credit.Config;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;

namespace Assay.Credit.Tests.Scorecard;

public class CsvSpanScorerTests
{
    [Fact]
    public void Score_GeneratedPortfolio_EqualsTheStringPathForEveryLoan()
    {
        // Lending Club rules: emp_length and term text, MMM-yyyy dates, fills by mean and by another column.
        var result = CreditPipeline.Run(TestData.GeneratedConfig(TestData.GeneratedCsv));
        var model = result.Pd.Scorecard;
        var expected = ScoringService.ScoreFile(model, TestData.GeneratedCsv).Select(a => a.Score);
        Assert.Equal(expected, CsvSpanScorer.Score(model, File.ReadAllBytes(TestData.GeneratedCsv), TestData.GeneratedCsv));
    }

    [Fact]
    public void Score_GermanCreditWithQuotedFields_EqualsTheStringPath()
    {
        var config = ConfigLoader.Load(TestData.GermanConfig);
        var model = CreditPipeline.Run(config).Pd.Scorecard;
        var expected = ScoringService.ScoreFile(model, config.Data).Select(a => a.Score);
        Assert.Equal(expected, CsvSpanScorer.Score(model, File.ReadAllBytes(config.Data), config.Data));
    }

    [Fact]
    public void Score_QuotedFieldWithCommaQuoteAndLineBreakBeforeScoredColumns_EqualsTheStringPath()
    {
        // sub_grade is not a model variable but comes before most of them: a comma, a doubled quote
        // and a line break inside it must not shift the fields that are scored, nor the line numbers.
        var result = CreditPipeline.Run(TestData.GeneratedConfig(TestData.GeneratedCsv));
        var model = result.Pd.Scorecard;
        var lines = File.ReadAllLines(TestData.GeneratedCsv).Take(200).ToArray();
        var at = Array.IndexOf(lines[0].Split(','), "sub_grade");
        Assert.DoesNotContain(model.Variables, v => v.Name == "sub_grade");
        for (var row = 5; row < lines.Length; row += 40)
        {
            var cells = lines[row].Split(',');
            cells[at] = "\"B2, \"\"odd\"\"\nsecond line\"";
            lines[row] = string.Join(',', cells);
        }

        var path = TestData.WriteCsv(string.Join('\n', lines) + "\n");
        var expected = ScoringService.ScoreFile(model, path).Select(a => a.Score).ToList();
        Assert.Equal(199, expected.Count);
        Assert.Equal(expected, CsvSpanScorer.Score(model, File.ReadAllBytes(path), path));
    }

    [Fact]
    public void Score_TextInANumericColumn_NamesTheLine()
    {
        var result = CreditPipeline.Run(TestData.GeneratedConfig(TestData.GeneratedCsv));
        var model = result.Pd.Scorecard;
        var numeric = model.Inputs.First(p => p.Type == "numeric" && model.Variables.Any(v => v.Name == p.Name)).Name;
        var lines = File.ReadAllLines(TestData.GeneratedCsv);
        var header = lines[0].Split(',');
        var at = Array.IndexOf(header, numeric);
        var cells = lines[3].Split(',');
        cells[at] = "lots";
        lines[3] = string.Join(',', cells);
        var path = TestData.WriteCsv(string.Join('\n', lines.Take(10)) + "\n");
        var ex = Assert.Throws<AssayException>(() => CsvSpanScorer.Score(model, File.ReadAllBytes(path), path));
        Assert.StartsWith($"{path} line 4: column '{numeric}' has 'lots'", ex.Message, StringComparison.Ordinal);
    }
}
