using Assay.Credit.Config;

namespace Assay.Credit.Data;

/// <summary>
/// Turns raw text columns into a <see cref="CreditFrame"/> following the column rules (the
/// course's preprocessing: emp_length and term to integers, dates to months before a reference
/// month, gaps filled by zero, the mean or another column, or kept as their own class).
/// </summary>
internal static class Preprocessor
{
    /// <summary>The rule for each column: declared in the config, else inferred from the data.</summary>
    public static List<ColumnPrep> Plan(CreditConfig config, RawTable raw, IEnumerable<string> columns)
    {
        var preps = new List<ColumnPrep>();
        foreach (var name in columns.Distinct(StringComparer.Ordinal))
        {
            var values = raw.Column(name, "listed in the config");
            if (config.Columns.TryGetValue(name, out var c))
            {
                preps.Add(new ColumnPrep
                {
                    Name = name,
                    Type = c.Type,
                    Missing = c.Missing,
                    FillValue = c.Missing switch { "zero" => 0, "value" => c.Value, _ => null },
                    FillColumn = c.FillColumn,
                    DateFormat = c.DateFormat,
                    ReferenceDate = config.ReferenceDate,
                });
            }
            else
            {
                preps.Add(new ColumnPrep { Name = name, Type = InferType(raw, name, values), ReferenceDate = config.ReferenceDate });
            }
        }

        return preps;
    }

    /// <summary>
    /// Prepares the columns. With <paramref name="fit"/> the mean fills are learnt from this data
    /// and stored in the preps; without it the stored fills are used (scoring, monitoring).
    /// </summary>
    public static CreditFrame Apply(IReadOnlyList<ColumnPrep> preps, RawTable raw, bool fit)
    {
        var frame = new CreditFrame(raw.Source, raw.RowCount);
        foreach (var prep in preps)
        {
            if (prep.IsCategorical)
            {
                frame.Categorical[prep.Name] = Categorical(raw.Column(prep.Name, "a model input"));
            }
            else
            {
                frame.Numeric[prep.Name] = Numeric(prep, raw, fit);
            }
        }

        return frame;
    }

    private static CategoricalColumn Categorical(string?[] values)
    {
        var codes = new int[values.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v is null)
            {
                codes[i] = -1;
                continue;
            }

            v = v.Trim();
            if (!index.TryGetValue(v, out var code))
            {
                code = levels.Count;
                index[v] = code;
                levels.Add(v);
            }

            codes[i] = code;
        }

        return new CategoricalColumn(codes, [.. levels]);
    }

    private static double[] Numeric(ColumnPrep prep, RawTable raw, bool fit)
    {
        var text = raw.Column(prep.Name, "a model input");
        var result = new double[text.Length];
        var (refYear, refMonth) = prep.Type == "months_since" ? ValueParsers.ReferenceMonth(prep.ReferenceDate) : (0, 0);

        // Dates repeat (a few hundred months): parse each distinct text once.
        var dates = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var s = text[i];
            if (s is null)
            {
                result[i] = double.NaN;
                continue;
            }

            double v;
            switch (prep.Type)
            {
                case "emp_length":
                    v = ValueParsers.EmpLength(s);
                    break;
                case "term":
                    v = ValueParsers.Term(s);
                    if (double.IsNaN(v))
                    {
                        throw Unparseable(raw, prep, i, s, "a term such as '36 months'");
                    }

                    break;
                case "months_since":
                    if (!dates.TryGetValue(s, out v))
                    {
                        v = ValueParsers.MonthsSince(s, prep.DateFormat, refYear, refMonth);
                        dates[s] = v;
                    }

                    if (double.IsNaN(v))
                    {
                        throw Unparseable(raw, prep, i, s, $"a date in the format {prep.DateFormat}");
                    }

                    break;
                default:
                    if (!ValueParsers.TryNumber(s, out v))
                    {
                        throw Unparseable(raw, prep, i, s, "a number");
                    }

                    break;
            }

            result[i] = v;
        }

        FillMissing(prep, raw, result, fit);
        return result;
    }

    private static void FillMissing(ColumnPrep prep, RawTable raw, double[] values, bool fit)
    {
        switch (prep.Missing)
        {
            case "keep":
                return;
            case "column":
                var other = raw.Column(prep.FillColumn!, $"fill for missing {prep.Name}");
                for (var i = 0; i < values.Length; i++)
                {
                    if (double.IsNaN(values[i]) && other[i] is { } s && ValueParsers.TryNumber(s, out var v))
                    {
                        values[i] = v;
                    }
                }

                return;
            case "mean" when fit:
                double sum = 0;
                var n = 0;
                foreach (var v in values)
                {
                    if (!double.IsNaN(v))
                    {
                        sum += v;
                        n++;
                    }
                }

                prep.FillValue = n > 0 ? sum / n : 0;
                break;
        }

        var fill = prep.FillValue ?? 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                values[i] = fill;
            }
        }
    }

    private static AssayException Unparseable(RawTable raw, ColumnPrep prep, int row, string value, string expected) =>
        new($"{raw.Source} line {raw.LineOf(row)}: column '{prep.Name}' has '{Shorten(value)}', which is not {expected}; fix the value, or set columns.{prep.Name}.type (e.g. categorical) in the config.");

    /// <summary>Numeric when every cell parses; a column that is mostly numbers with some text is an error, not a category.</summary>
    private static string InferType(RawTable raw, string name, string?[] values)
    {
        int numbers = 0, texts = 0, firstText = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } s)
            {
                continue;
            }

            if (ValueParsers.TryNumber(s, out _))
            {
                numbers++;
            }
            else
            {
                texts++;
                if (firstText < 0)
                {
                    firstText = i;
                }
            }
        }

        if (texts == 0 && numbers > 0)
        {
            return "numeric";
        }

        if (numbers >= 0.9 * (numbers + texts) && texts > 0)
        {
            throw new AssayException($"{raw.Source} line {raw.LineOf(firstText)}: column '{name}' holds numbers in {numbers} rows but '{Shorten(values[firstText]!)}' here ({texts} rows of text); fix those values, or set columns.{name}.type: categorical.");
        }

        return "categorical";
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
