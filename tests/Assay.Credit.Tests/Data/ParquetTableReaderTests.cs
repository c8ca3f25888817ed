using System.Globalization;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Pipeline;
using Parquet;
using Parquet.Schema;

namespace Assay.Credit.Tests.Data;

public class ParquetTableReaderTests
{
    [Fact]
    public async Task Run_GermanCreditAsParquet_GivesTheSameScorecardAsTheCsv()
    {
        var csvConfig = ConfigLoader.Load(TestData.GermanConfig);
        var parquet = Path.Combine(Path.GetTempPath(), $"assay-german-{Guid.NewGuid():N}.parquet");
        await WriteParquetAsync(CsvTableReader.Read(csvConfig.Data), parquet, rowGroupSize: 400);

        var fromCsv = CreditPipeline.Run(csvConfig);
        var parquetConfig = ConfigLoader.Load(TestData.GermanConfig);
        parquetConfig.Data = parquet;
        var fromParquet = CreditPipeline.Run(parquetConfig);

        Assert.Equal(fromCsv.Rows, fromParquet.Rows);
        Assert.Equal(fromCsv.Pd.Test.Auroc, fromParquet.Pd.Test.Auroc, 12);
        Assert.Equal(fromCsv.Pd.Scorecard.ToJson(), fromParquet.Pd.Scorecard.ToJson());
        Assert.Equal(fromCsv.Loans.Select(l => l.Score), fromParquet.Loans.Select(l => l.Score));
        File.Delete(parquet);
    }

    [Fact]
    public void Read_NotParquet_SaysSoAndNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assay-bad-{Guid.NewGuid():N}.parquet");
        File.WriteAllText(path, "a,b\n1,2\n");
        var ex = Assert.Throws<AssayException>(() => TableReader.Read(path));
        Assert.StartsWith($"{path} is not a readable Parquet file", ex.Message, StringComparison.Ordinal);
        File.Delete(path);
    }

    /// <summary>Numbers as nullable doubles, text as strings, in several row groups.</summary>
    private static async Task WriteParquetAsync(RawTable raw, string path, int rowGroupSize)
    {
        var columns = raw.Header.Select(h => (Name: h, Values: raw.Column(h, "test"))).ToList();
        bool IsNumber(string? v) => v is null || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        var fields = columns.Select(c => c.Values.All(IsNumber) ? (DataField)new DataField<double?>(c.Name) : new DataField<string>(c.Name)).ToList();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (var from = 0; from < raw.RowCount; from += rowGroupSize)
        {
            var count = Math.Min(rowGroupSize, raw.RowCount - from);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < columns.Count; c++)
            {
                var slice = columns[c].Values.Skip(from).Take(count);
                if (fields[c] is DataField<double?>)
                {
                    double?[] numbers = [.. slice.Select(v => v is null ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture))];
                    await group.WriteAsync<double>(fields[c], numbers.AsMemory());
                }
                else
                {
                    await group.WriteAsync(fields[c], slice.ToArray());
                }
            }
        }
    }
}
