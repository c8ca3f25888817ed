using System.Globalization;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;
using Assay.Testing;
using Npgsql;

namespace Assay.Credit.Tests.Scorecard;

/// <summary>scorecard.sql run on the local PostgreSQL (scripts/test.sh starts it) must give every applicant Assay's score.</summary>
public class SqlExporterTests
{
    [Fact]
    public async Task Export_GeneratedPortfolio_PostgresScoresEqualAssayScores()
    {
        // Lending Club preparation rules: emp_length and term text, MMM-yyyy dates, fills by mean and by another column.
        var config = TestData.GeneratedConfig(TestData.GeneratedCsv);
        var result = CreditPipeline.Run(config);
        var raw = CsvTableReader.Read(TestData.GeneratedCsv);
        await AssertSqlMatchesAsync(result, raw, "gen_applicants");
    }

    [Fact]
    public async Task Export_GermanCredit_PostgresScoresEqualAssayScores()
    {
        var config = ConfigLoader.Load(TestData.GermanConfig);
        config.Scorecard.IdColumn = null;
        var result = CreditPipeline.Run(config);
        var raw = CsvTableReader.Read(config.Data);
        await AssertSqlMatchesAsync(result, raw, "german_applicants");
    }

    [Fact]
    public void Export_UsesOnlyPortableConstructs()
    {
        var result = CreditPipeline.Run(TestData.GeneratedConfig(TestData.GeneratedCsv));
        var sql = SqlExporter.Export(result.Pd.Scorecard);
        Assert.DoesNotContain("::", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("TO_DATE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("REGEXP", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("WITH prepared AS", sql, StringComparison.Ordinal);
    }

    private static async Task AssertSqlMatchesAsync(CreditRunResult result, RawTable raw, string table)
    {
        var model = result.Pd.Scorecard;
        var columns = model.Inputs.Select(p => p.Name).Concat(model.Inputs.Where(p => p.FillColumn is not null).Select(p => p.FillColumn!)).Distinct().ToList();
        var numeric = model.Inputs.Where(p => p.Type == "numeric").Select(p => p.Name).Concat(model.Inputs.Where(p => p.FillColumn is not null).Select(p => p.FillColumn!)).ToHashSet(StringComparer.Ordinal);

        await using var conn = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await conn.OpenAsync();
        await Exec(conn, $"DROP TABLE IF EXISTS {table}");
        var defs = columns.Select(c => $"\"{c}\" {(numeric.Contains(c) ? "DOUBLE PRECISION" : "TEXT")}").Prepend("row_no INTEGER");
        await Exec(conn, $"CREATE TABLE {table} ({string.Join(", ", defs)})");

        var copy = $"COPY {table} (row_no, {string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await conn.BeginBinaryImportAsync(copy))
        {
            var cols = columns.Select(c => raw.Column(c, "test")).ToArray();
            for (var i = 0; i < raw.RowCount; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer);
                for (var c = 0; c < columns.Count; c++)
                {
                    var v = cols[c][i];
                    if (v is null)
                    {
                        await writer.WriteNullAsync();
                    }
                    else if (numeric.Contains(columns[c]))
                    {
                        await writer.WriteAsync(double.Parse(v.TrimEnd('%'), CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Double);
                    }
                    else
                    {
                        await writer.WriteAsync(v, NpgsqlTypes.NpgsqlDbType.Text);
                    }
                }
            }

            await writer.CompleteAsync();
        }

        var sql = SqlExporter.Export(model, table).TrimEnd().TrimEnd(';');
        var sqlScores = new Dictionary<int, (int Score, double Pd)>();
        await using (var cmd = new NpgsqlCommand($"SELECT row_no, score, pd FROM ({sql}) AS s", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sqlScores[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetDouble(2));
            }
        }

        Assert.Equal(raw.RowCount, sqlScores.Count);
        var mismatches = 0;
        for (var i = 0; i < raw.RowCount; i++)
        {
            var expected = result.Loans[i].Score;
            if (sqlScores[i].Score != expected)
            {
                mismatches++;
            }

            Assert.Equal(model.Pd(expected), sqlScores[i].Pd, 9);
        }

        Assert.Equal(0, mismatches);
        await Exec(conn, $"DROP TABLE {table}");
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
