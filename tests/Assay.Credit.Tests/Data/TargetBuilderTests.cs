using Assay.Credit.Config;
using Assay.Credit.Data;

namespace Assay.Credit.Tests.Data;

public class TargetBuilderTests
{
    [Fact]
    public void Build_BadValues_MarkGoodAsOne()
    {
        var raw = CsvTableReader.Read(TestData.WriteCsv("s\nFully Paid\nCharged Off\nCurrent\n"));
        var y = TargetBuilder.Build(new TargetConfig { Column = "s", Bad = ["Charged Off"] }, raw);
        Assert.Equal(new byte[] { 1, 0, 1 }, y);
    }

    [Fact]
    public void Build_OneClass_NamesTheColumnAndTheRule()
    {
        var raw = CsvTableReader.Read(TestData.WriteCsv("s\nFully Paid\nCurrent\n"));
        var ex = Assert.Throws<AssayException>(() => TargetBuilder.Build(new TargetConfig { Column = "s", Bad = ["Charged Off"] }, raw));
        Assert.Contains("target column 's' has one class", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Charged Off", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingColumn_NamesIt()
    {
        var raw = CsvTableReader.Read(TestData.WriteCsv("a\n1\n"));
        var ex = Assert.Throws<AssayException>(() => TargetBuilder.Build(new TargetConfig { Column = "loan_status", Bad = ["x"] }, raw));
        Assert.Contains("column 'loan_status' (the target)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_IsStratifiedAndReproducible()
    {
        var y = Enumerable.Range(0, 1000).Select(i => (byte)(i % 5 == 0 ? 0 : 1)).ToArray();
        var (train, test) = TrainTestSplit.Split(y, 0.2, 42);
        var (train2, _) = TrainTestSplit.Split(y, 0.2, 42);
        Assert.Equal(train, train2);
        Assert.Equal(200, test.Length);
        Assert.Equal(40, test.Count(i => y[i] == 0));
    }
}
