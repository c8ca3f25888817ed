using System.Diagnostics;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Ead;
using Assay.Credit.ExpectedLoss;
using Assay.Credit.Lgd;
using Assay.Credit.Regulatory;
using Assay.Credit.Scorecard;

namespace Assay.Credit.Pipeline;

/// <summary>
/// <c>assay credit run</c>: loans -> preparation -> PD scorecard -> LGD and EAD -> expected
/// loss -> IFRS 9 and Basel IRB. Returns the results; <see cref="Outputs.RunWriter"/> writes them.
/// </summary>
public static class CreditPipeline
{
    public static CreditRunResult Run(CreditConfig config)
    {
        var clock = Stopwatch.StartNew();
        var raw = TableReader.Read(config.Data, NeededColumns(config));
        return Run(config, raw, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The run over a table already in memory (generated data in tests and benchmarks).</summary>
    internal static CreditRunResult Run(CreditConfig config, RawTable raw, double loadMs = 0)
    {
        var timings = new Dictionary<string, double>(StringComparer.Ordinal) { ["load"] = loadMs };
        var clock = Stopwatch.StartNew();

        var y = TargetBuilder.Build(config.Target, raw);
        var preps = Preprocessor.Plan(config, raw, PreparedColumns(config, raw));
        var frame = Preprocessor.Apply(preps, raw, fit: true);
        var (train, test) = TrainTestSplit.Split(y, config.Split.TestShare, config.Split.Seed);
        string[]? calibrationBands = null;
        if (!string.IsNullOrEmpty(config.Model.CalibrationBy))
        {
            calibrationBands = [.. raw.Column(config.Model.CalibrationBy, "model.calibration_by").Select(s => s?.Trim() ?? "missing")];
        }

        timings["prepare"] = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var pd = PdPipeline.Run(config, frame, y, train, test, preps, calibrationBands);
        foreach (var (k, v) in pd.TimingsMs)
        {
            timings["pd." + k] = v;
        }

        clock.Restart();
        var model = pd.Scorecard;
        var all = Enumerable.Range(0, raw.RowCount).ToArray();
        var scores = Scorer.Scores(model, frame);
        var pdAll = scores.Select(s => model.Pd(s)).ToArray();
        var status = raw.Column(config.Target.Column, "the target");

        LgdSummary? lgdSummary = null;
        EadSummary? eadSummary = null;
        ExpectedLossSummary? el = null;
        double[]? lgd = null, ead = null;
        if (config.Lgd is { } lc)
        {
            var defaulted = Rows(status, lc.Defaulted);
            var (lgdModel, ls) = LgdModel.Fit(frame, defaulted, lc.Recoveries, lc.Funded, lc.Variables, lc.Combination);
            lgdSummary = ls;
            lgd = lgdModel.Predict(frame, all);
            if (config.Ead is { } ec)
            {
                var (eadModel, es) = EadModel.Fit(frame, defaulted, ec.Funded, ec.RecoveredPrincipal, ec.Variables);
                eadSummary = es;
                ead = eadModel.PredictEad(frame, all);
                el = ExpectedLossSummary.Compute(pdAll, lgd, ead, frame.NumericColumn(ec.Funded));
            }
        }

        timings["lgd_ead_el"] = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var n = raw.RowCount;
        var stage = new int[n];
        var ecl = new double[n];
        var capital = new double[n];
        var rwa = new double[n];
        Ifrs9Summary? ifrs9 = config.Ifrs9 is { } ic ? RunIfrs9(ic, config, raw, frame, model, pdAll, lgd, status, stage, ecl) : null;
        BaselSummary? basel = config.Basel is { } bc && ead is not null && lgd is not null
            ? RunBasel(bc, config, frame, pdAll, lgd, ead, capital, rwa)
            : null;
        timings["regulatory"] = clock.Elapsed.TotalMilliseconds;

        var ids = config.Scorecard.IdColumn is { } idc ? raw.Column(idc, "scorecard.id_column") : null;
        var loans = new LoanFigures[n];
        for (var i = 0; i < n; i++)
        {
            var l = lgd?[i] ?? double.NaN;
            var e = ead?[i] ?? double.NaN;
            loans[i] = new LoanFigures(raw.LineOf(i), ids?[i], scores[i], pdAll[i], l, e, pdAll[i] * l * e, stage[i], ecl[i], capital[i], rwa[i]);
        }

        return new CreditRunResult(config.Name, config.Data, n, pd, lgdSummary, eadSummary, el, ifrs9, basel, timings) { Loans = loans };
    }

    private static Ifrs9Summary RunIfrs9(Ifrs9Config ic, CreditConfig config, RawTable raw, CreditFrame frame, ScorecardModel model, double[] pdAll, double[]? lgd, string?[] status, int[] stage, double[] ecl)
    {
        var closed = new HashSet<string>(ic.Closed, StringComparer.Ordinal);
        var defaulted = new HashSet<string>(ic.Defaulted, StringComparer.Ordinal);
        var current = pdAll;
        var source = "no current values configured: current PD = PD at origination, so staging rests on days past due";
        if (ic.CurrentValues.Count > 0)
        {
            var refreshed = new CreditFrame(frame.Source, frame.RowCount);
            foreach (var (k, v) in frame.Numeric)
            {
                refreshed.Numeric[k] = v;
            }

            foreach (var (k, v) in frame.Categorical)
            {
                refreshed.Categorical[k] = v;
            }

            var applied = new List<string>();
            foreach (var (variable, column) in ic.CurrentValues)
            {
                var inModel = model.Variables.Any(v => v.Name == variable);
                if (!inModel || !frame.Has(column))
                {
                    continue;
                }

                applied.Add($"{variable} <- {column}");

                var replaced = frame.Numeric.TryGetValue(column, out var num) ? num : null;
                if (replaced is not null && refreshed.Numeric.ContainsKey(variable))
                {
                    refreshed.Numeric[variable] = replaced;
                }
                else if (frame.Categorical.TryGetValue(column, out var cat) && refreshed.Categorical.ContainsKey(variable))
                {
                    refreshed.Categorical[variable] = cat;
                }
            }

            if (applied.Count > 0)
            {
                current = [.. Scorer.Scores(model, refreshed).Select(s => model.Pd(s))];
                source = "re-scored with current values: " + string.Join(", ", applied);
            }
            else
            {
                source = $"none of ifrs9.current_values ({string.Join(", ", ic.CurrentValues.Keys)}) is in the final scorecard: current PD = PD at origination, so staging rests on days past due";
            }
        }

        var term = frame.NumericColumn(ic.TermColumn);
        var rate = frame.NumericColumn(ic.RateColumn);
        var onBook = frame.NumericColumn(ic.IssueColumn);
        var funded = frame.NumericColumn(config.Ead?.Funded ?? config.Lgd?.Funded ?? "funded_amnt");
        var balance = ic.BalanceColumn is { } bcol ? frame.NumericColumn(bcol) : null;
        var dpdColumn = ic.DpdColumn is { } d ? frame.NumericColumn(d) : null;
        var engine = new Ifrs9(ic.PdRatio, ic.PdIncrease, ic.Stage2Dpd, ic.Stage3Dpd);
        var stages = new (long N, double Exposure, double Ecl)[4];
        for (var i = 0; i < raw.RowCount; i++)
        {
            var s = status[i]?.Trim() ?? "";
            if (closed.Contains(s))
            {
                continue;
            }

            var dpd = dpdColumn?[i] ?? (ic.StatusDpd.TryGetValue(s, out var v) ? v : 0);
            var r = rate[i] > 1 ? rate[i] / 100 : rate[i];
            var loan = new Ifrs9Loan(pdAll[i], current[i], double.IsNaN(dpd) ? 0 : dpd, defaulted.Contains(s), term[i], Math.Max(onBook[i], 0), double.IsNaN(r) ? 0 : r, funded[i], lgd?[i] ?? ic.FallbackLgd, balance?[i] ?? double.NaN);
            var result = engine.Evaluate(loan);
            stage[i] = result.Stage;
            ecl[i] = result.Ecl;
            var st = stages[result.Stage];
            stages[result.Stage] = (st.N + 1, st.Exposure + result.Exposure, st.Ecl + result.Ecl);
        }

        var list = Enumerable.Range(1, 3).Select(k => new Ifrs9Stage(k, stages[k].N, stages[k].Exposure, stages[k].Ecl)).ToList();
        var lgdSource = lgd is null ? $"fixed LGD {ic.FallbackLgd} (no LGD model in this run)" : "the two-stage LGD model";
        return new Ifrs9Summary(list.Sum(s => s.Loans), list, list.Sum(s => s.Exposure), list.Sum(s => s.Ecl), source, lgdSource);
    }

    private static BaselSummary RunBasel(BaselConfig bc, CreditConfig config, CreditFrame frame, double[] pdAll, double[] lgd, double[] ead, double[] capital, double[] rwa)
    {
        var term = frame.Has(config.Ifrs9?.TermColumn ?? "term") ? frame.NumericColumn(config.Ifrs9?.TermColumn ?? "term") : null;
        double totalEad = 0, totalK = 0, totalRwa = 0;
        for (var i = 0; i < pdAll.Length; i++)
        {
            var months = term?[i] is { } t && !double.IsNaN(t) ? t : 36;
            var pd1 = PdTermStructure.AnnualHazard(pdAll[i], months);
            var k = BaselIrb.CapitalRequirement(bc.AssetClass, pd1, lgd[i], bc.Maturity, bc.PdFloor);
            capital[i] = k * ead[i];
            rwa[i] = 12.5 * capital[i];
            totalEad += ead[i];
            totalK += capital[i];
            totalRwa += rwa[i];
        }

        return new BaselSummary(bc.AssetClass, bc.Maturity, bc.PdFloor, pdAll.Length, totalEad, totalK, totalRwa);
    }

    private static int[] Rows(string?[] status, List<string> values)
    {
        var set = new HashSet<string>(values.Select(v => v.Trim()), StringComparer.Ordinal);
        return [.. Enumerable.Range(0, status.Length).Where(i => status[i] is { } s && set.Contains(s.Trim()))];
    }

    /// <summary>The columns to prepare: model inputs, fill columns, and the LGD/EAD/IFRS 9 inputs.</summary>
    private static List<string> PreparedColumns(CreditConfig c, RawTable raw)
    {
        var cols = new List<string>(c.Model.Variables);
        cols.AddRange(c.Columns.Where(kv => kv.Value.Missing == "column").Select(kv => kv.Value.FillColumn!));
        if (c.Lgd is { } l)
        {
            cols.AddRange([l.Recoveries, l.Funded, .. l.Variables]);
        }

        if (c.Ead is { } e)
        {
            cols.AddRange([e.Funded, e.RecoveredPrincipal, .. e.Variables]);
        }

        if (c.Ifrs9 is { } i)
        {
            cols.AddRange([i.TermColumn, i.RateColumn, i.IssueColumn, .. i.CurrentValues.Values]);
            if (i.DpdColumn is { } d)
            {
                cols.Add(d);
            }

            if (i.BalanceColumn is { } b)
            {
                cols.Add(b);
            }

            // The current-value columns are prepared like the variables they stand in for.
            foreach (var (variable, column) in i.CurrentValues)
            {
                if (c.Columns.TryGetValue(variable, out var vc) && !c.Columns.ContainsKey(column))
                {
                    c.Columns[column] = vc;
                }
            }

            if (!c.Columns.ContainsKey(i.IssueColumn))
            {
                c.Columns[i.IssueColumn] = new ColumnConfig { Type = "months_since" };
            }

            if (!c.Columns.ContainsKey(i.TermColumn) && raw.Has(i.TermColumn))
            {
                c.Columns[i.TermColumn] = new ColumnConfig { Type = "term" };
            }
        }

        return cols;
    }

    private static HashSet<string> NeededColumns(CreditConfig c)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { c.Target.Column };
        set.UnionWith(c.Model.Variables);
        set.UnionWith(c.Columns.Keys);
        set.UnionWith(c.Columns.Values.Where(v => v.FillColumn is not null).Select(v => v.FillColumn!));
        if (c.Model.CalibrationBy is { } cb)
        {
            set.Add(cb);
        }

        if (c.Scorecard.IdColumn is { } id)
        {
            set.Add(id);
        }

        if (c.Lgd is { } l)
        {
            set.UnionWith([l.Recoveries, l.Funded, .. l.Variables]);
        }

        if (c.Ead is { } e)
        {
            set.UnionWith([e.Funded, e.RecoveredPrincipal, .. e.Variables]);
        }

        if (c.Ifrs9 is { } i)
        {
            set.UnionWith([i.TermColumn, i.RateColumn, i.IssueColumn, .. i.CurrentValues.Values]);
            if (i.DpdColumn is { } d)
            {
                set.Add(d);
            }

            if (i.BalanceColumn is { } b)
            {
                set.Add(b);
            }
        }

        return set;
    }
}
