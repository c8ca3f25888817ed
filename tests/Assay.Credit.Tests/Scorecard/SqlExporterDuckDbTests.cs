using System.Globalization;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;
using DuckDB.NET.Data;

namespace Assay.Credit.Tests.Scorecard;

/// <summary>
/// scorecard.sql run in DuckDB (in process, no server) must give every applicant Assay's score,
/// as it must on PostgreSQL (SqlExporterTests): equal to `credit score` on both, so equal to each other.
/// </summary>
public class SqlExporterDuckDbTests
{
    [Fact]
    public void Export_GeneratedPortfolio_DuckDbScoresEqualAssayScores()
    {
        var config = TestData.GeneratedConfig(TestData.GeneratedCsv);
        var result = CreditPipeline.Run(config);
        AssertSqlMatches(result, CsvTableReader.Read(TestData.GeneratedCsv));
    }

    [Fact]
    public void Export_GermanCredit_DuckDbScoresEqualAssayScores()
    {
        var config = ConfigLoader.Load(TestData.GermanConfig);
        config.Scorecard.IdColumn = null;
        var result = CreditPipeline.Run(config);
        AssertSqlMatches(result, CsvTableReader.Read(config.Data));
    }

    private static void AssertSqlMatches(CreditRunResult result, RawTable raw)
    {
        var model = result.Pd.Scorecard;
        var columns = model.Inputs.Select(p => p.Name).Concat(model.Inputs.Where(p => p.FillColumn is not null).Select(p => p.FillColumn!)).Distinct().ToList();
        var numeric = model.Inputs.Where(p => p.Type == "numeric").Select(p => p.Name).Concat(model.Inputs.Where(p => p.FillColumn is not null).Select(p => p.FillColumn!)).ToHashSet(StringComparer.Ordinal);

        using var conn = new DuckDBConnection("DataSource=:memory:");
        conn.Open();
        var defs = columns.Select(c => $"\"{c}\" {(numeric.Contains(c) ? "DOUBLE" : "VARCHAR")}").Prepend("row_no INTEGER");
        Exec(conn, $"CREATE TABLE applicants ({string.Join(", ", defs)})");
        var cols = columns.Select(c => raw.Column(c, "test")).ToArray();
        using (var appender = conn.CreateAppender("applicants"))
        {
            for (var i = 0; i < raw.RowCount; i++)
            {
                var row = appender.CreateRow().AppendValue(i);
                for (var c = 0; c < columns.Count; c++)
                {
                    var v = cols[c][i];
                    row = v is null ? row.AppendNullValue()
                        : numeric.Contains(columns[c]) ? row.AppendValue(double.Parse(v.TrimEnd('%'), CultureInfo.InvariantCulture))
                        : row.AppendValue(v);
                }

                row.EndRow();
            }
        }

        var sql = SqlExporter.Export(model).TrimEnd().TrimEnd(';');
        var scores = new Dictionary<int, (int Score, double Pd)>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT row_no, score, pd FROM ({sql}) AS s";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                scores[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = (Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(raw.RowCount, scores.Count);
        var mismatches = Enumerable.Range(0, raw.RowCount).Where(i => scores[i].Score != result.Loans[i].Score).ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {raw.RowCount} DuckDB scores differ from Assay's, first at row {mismatches.FirstOrDefault()}");
        for (var i = 0; i < raw.RowCount; i++)
        {
            Assert.Equal(model.Pd(result.Loans[i].Score), scores[i].Pd, 9);
        }
    }

    private static void Exec(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
