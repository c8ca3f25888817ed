using System.Globalization;
using System.Text;
using Assay.Credit.Data;

namespace Assay.Credit.Scorecard;

/// <summary>
/// Writes the scorecard as one standard SQL query over a table of raw applicants: a CTE that
/// prepares each input exactly as Assay does (emp_length and term to integers, MMM-yyyy dates
/// to months before the reference month, the fitted fills), a CTE of points per variable
/// (missing, special, interval and category classes, the unseen rule in ELSE), then the score
/// and PD = 1 / (1 + e^s). Uses only CASE, COALESCE, TRIM, SUBSTRING, CAST, EXP and LIKE.
/// </summary>
internal static class SqlExporter
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Export(ScorecardModel model, string table = "applicants")
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"-- Assay scorecard '{model.Name}' ({model.Format}): scores every row of the table {table}.");
        sb.AppendLine("-- Standard SQL (CASE, COALESCE, TRIM, SUBSTRING, CAST, EXP); numeric inputs as numbers, text inputs as text, raw as in the training file.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"-- score = {model.InterceptPoints} (intercept points) + the points of each variable; range {model.MinScore}-{model.MaxScore}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"-- pd = probability of default = 1 / (1 + EXP(s)), s = (score - {model.MinScore}) / {model.MaxScore - model.MinScore} * ({Lit(model.MaxSum)} - ({Lit(model.MinSum)})) + ({Lit(model.MinSum)}).");
        sb.AppendLine(CultureInfo.InvariantCulture, $"-- Unseen values: {model.Unseen}.");
        sb.AppendLine("WITH prepared AS (");
        sb.Append("  SELECT t.*");
        var inputs = model.Inputs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var sv in model.Variables)
        {
            var prep = inputs[sv.Name];
            sb.Append(",\n    ").Append(Prepare(prep)).Append(" AS ").Append(Id("x_" + sv.Name));
        }

        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"  FROM {table} AS t");
        sb.AppendLine("), points AS (");
        sb.Append("  SELECT prepared.*");
        foreach (var sv in model.Variables)
        {
            sb.Append(",\n    ").Append(PointsCase(sv)).Append(" AS ").Append(Id("pts_" + sv.Name));
        }

        sb.AppendLine().AppendLine("  FROM prepared");
        sb.AppendLine("), scored AS (");
        sb.Append(CultureInfo.InvariantCulture, $"  SELECT points.*, {model.InterceptPoints}");
        foreach (var sv in model.Variables)
        {
            sb.Append(" + ").Append(Id("pts_" + sv.Name));
        }

        sb.AppendLine(" AS score").AppendLine("  FROM points").AppendLine(")");
        var slope = (model.MaxSum - model.MinSum) / (model.MaxScore - model.MinScore);
        sb.AppendLine(CultureInfo.InvariantCulture, $"SELECT scored.*, 1.0 / (1.0 + EXP((score - {model.MinScore}) * {Lit(slope)} + {Lit(model.MinSum)})) AS pd");
        sb.AppendLine("FROM scored;");
        return sb.ToString();
    }

    private static string Prepare(ColumnPrep p)
    {
        var col = "t." + Id(p.Name);
        var expr = p.Type switch
        {
            "categorical" => $"NULLIF(TRIM({col}), '')",
            "emp_length" => EmpLength(col),
            "term" => $"CAST(NULLIF(TRIM(REPLACE(REPLACE(LOWER({col}), 'months', ''), 'month', '')), '') AS DOUBLE PRECISION)",
            "months_since" => MonthsSince(col, p),
            _ => $"CAST({col} AS DOUBLE PRECISION)",
        };
        return p.Missing switch
        {
            "keep" => expr,
            "column" => $"COALESCE({expr}, CAST(t.{Id(p.FillColumn!)} AS DOUBLE PRECISION))",
            _ => $"COALESCE({expr}, {Lit(p.FillValue ?? 0)})",
        };
    }

    private static string EmpLength(string col)
    {
        var sb = new StringBuilder($"CASE WHEN {col} IS NULL THEN NULL WHEN {col} LIKE '%<%' THEN 0");
        sb.Append(CultureInfo.InvariantCulture, $" WHEN TRIM({col}) LIKE '10%' THEN 10");
        for (var d = 9; d >= 0; d--)
        {
            sb.Append(CultureInfo.InvariantCulture, $" WHEN TRIM({col}) LIKE '{d}%' THEN {d}");
        }

        return sb.Append(" ELSE NULL END").ToString();
    }

    private static string MonthsSince(string col, ColumnPrep p)
    {
        var (refYear, refMonth) = ValueParsers.ReferenceMonth(p.ReferenceDate);
        string year, month;
        switch (p.DateFormat)
        {
            case "MMM-yyyy":
                year = $"CAST(SUBSTRING(TRIM({col}) FROM 5 FOR 4) AS INTEGER)";
                var cases = string.Concat(Months.Select((m, i) => $" WHEN '{m}' THEN {i + 1}"));
                month = $"CASE SUBSTRING(TRIM({col}) FROM 1 FOR 3){cases} END";
                break;
            case "yyyy-MM" or "yyyy-MM-dd":
                year = $"CAST(SUBSTRING(TRIM({col}) FROM 1 FOR 4) AS INTEGER)";
                month = $"CAST(SUBSTRING(TRIM({col}) FROM 6 FOR 2) AS INTEGER)";
                break;
            default:
                throw new AssayException($"scorecard.sql: column '{p.Name}' uses date format {p.DateFormat}; SQL export supports MMM-yyyy, yyyy-MM and yyyy-MM-dd.");
        }

        return $"CAST((({refYear} - {year}) * 12 + ({refMonth} - {month})) AS DOUBLE PRECISION)";
    }

    private static string PointsCase(ScorecardVariable sv)
    {
        var x = Id("x_" + sv.Name);
        var b = sv.Bins;
        var sb = new StringBuilder("CASE");
        sb.Append(CultureInfo.InvariantCulture, $" WHEN {x} IS NULL THEN {sv.PointsOf(b.MissingClass)}");
        if (b.Categorical)
        {
            foreach (var group in b.Levels.GroupBy(kv => kv.Value).OrderBy(g => g.Key))
            {
                var list = string.Join(", ", group.Select(kv => Str(kv.Key)).Order(StringComparer.Ordinal));
                sb.Append(CultureInfo.InvariantCulture, $" WHEN {x} IN ({list}) THEN {sv.PointsOf(group.Key)}");
            }

            return sb.Append(CultureInfo.InvariantCulture, $" ELSE {sv.UnseenPoints} END").ToString();
        }

        for (var s = 0; s < b.Specials.Length; s++)
        {
            sb.Append(CultureInfo.InvariantCulture, $" WHEN {x} = {Lit(b.Specials[s])} THEN {sv.PointsOf(b.SpecialClasses[s])}");
        }

        for (var k = 0; k < b.Edges.Length; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $" WHEN {x} <= {Lit(b.Edges[k])} THEN {sv.PointsOf(k)}");
        }

        return sb.Append(CultureInfo.InvariantCulture, $" ELSE {sv.PointsOf(b.Edges.Length)} END").ToString();
    }

    private static string Id(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Str(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Lit(double v) => $"CAST({v.ToString("R", CultureInfo.InvariantCulture)} AS DOUBLE PRECISION)";
}
