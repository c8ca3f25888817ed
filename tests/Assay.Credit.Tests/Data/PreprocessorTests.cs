using Assay.Credit.Config;
using Assay.Credit.Data;

namespace Assay.Credit.Tests.Data;

public class PreprocessorTests
{
    [Theory]
    [InlineData("10+ years", 10)]
    [InlineData("< 1 year", 0)]
    [InlineData("1 year", 1)]
    [InlineData("7 years", 7)]
    public void EmpLength_CourseTexts_BecomeYears(string text, double years) =>
        Assert.Equal(years, ValueParsers.EmpLength(text));

    [Fact]
    public void Term_And_MonthsSince_ParseTheLendingClubFormats()
    {
        Assert.Equal(36, ValueParsers.Term(" 36 months"));
        Assert.Equal(((2017 - 1998) * 12) + (12 - 8), ValueParsers.MonthsSince("Aug-1998", "MMM-yyyy", 2017, 12));
    }

    [Fact]
    public void Apply_TextInNumericColumn_NamesColumnFileAndLine()
    {
        var raw = CsvTableReader.Read(TestData.WriteCsv("int_rate,y\n10.5,a\n11.2,b\nabc,a\n"));
        var config = new CreditConfig();
        config.Columns["int_rate"] = new ColumnConfig { Type = "numeric" };
        var preps = Preprocessor.Plan(config, raw, ["int_rate"]);
        var ex = Assert.Throws<AssayException>(() => Preprocessor.Apply(preps, raw, fit: true));
        Assert.Contains("column 'int_rate'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MostlyNumericUndeclaredColumnWithText_IsAnErrorNotACategory()
    {
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"{i}\n"));
        var raw = CsvTableReader.Read(TestData.WriteCsv("dti\n" + rows + "n.a.\n"));
        var ex = Assert.Throws<AssayException>(() => Preprocessor.Plan(new CreditConfig(), raw, ["dti"]));
        Assert.Contains("column 'dti'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MeanFill_IsLearntAtFitAndReusedAtScoring()
    {
        var config = new CreditConfig();
        config.Columns["annual_inc"] = new ColumnConfig { Missing = "mean" };
        var fitRaw = CsvTableReader.Read(TestData.WriteCsv("annual_inc,z\n10,a\n,b\n30,c\n"));
        var preps = Preprocessor.Plan(config, fitRaw, ["annual_inc"]);
        var fitted = Preprocessor.Apply(preps, fitRaw, fit: true);
        Assert.Equal(20, fitted.Numeric["annual_inc"][1]);

        var newRaw = CsvTableReader.Read(TestData.WriteCsv("annual_inc,z\n,a\n100,b\n"));
        var scored = Preprocessor.Apply(preps, newRaw, fit: false);
        Assert.Equal(20, scored.Numeric["annual_inc"][0]);
    }

    [Fact]
    public void Apply_FillFromColumn_TakesTheOtherColumnsValue()
    {
        var config = new CreditConfig();
        config.Columns["total_rev_hi_lim"] = new ColumnConfig { Missing = "column", FillColumn = "funded_amnt" };
        var raw = CsvTableReader.Read(TestData.WriteCsv("total_rev_hi_lim,funded_amnt\n5,7\n,9\n"));
        var frame = Preprocessor.Apply(Preprocessor.Plan(config, raw, ["total_rev_hi_lim"]), raw, fit: true);
        Assert.Equal([5.0, 9.0], frame.Numeric["total_rev_hi_lim"]);
    }
}
