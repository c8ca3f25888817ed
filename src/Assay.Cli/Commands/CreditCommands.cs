using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assay.Credit.Config;
using Assay.Credit.Data;
using Assay.Credit.Monitoring;
using Assay.Credit.Outputs;
using Assay.Credit.Pipeline;
using Assay.Credit.Scorecard;
using Assay.Runs;
using Assay.Tabular;

namespace Assay.Cli.Commands;

/// <summary>assay credit run | score | monitor | generate (issue 5).</summary>
internal static class CreditCommands
{
    public static IEnumerable<Command> Create()
    {
        var credit = new Command("credit", "Credit risk: PD scorecards, LGD and EAD models, expected loss, IFRS 9, Basel IRB, monitoring.");
        credit.Subcommands.Add(Run());
        credit.Subcommands.Add(Score());
        credit.Subcommands.Add(Monitor());
        credit.Subcommands.Add(Generate());
        return [credit];
    }

    private static Command Run()
    {
        var config = new Argument<string>("CONFIG") { Description = "The CREDIT.yaml describing data, target, variables and models (see samples/credit)." };
        var output = new Option<string>("--out") { Description = "Output folder for report.html, summary.json, scorecard.json, scorecard.sql, loans.csv.", Required = true };
        var force = new Option<bool>("--force") { Description = "Write into a non-empty --out folder (the run's files are replaced)." };
        var cmd = new Command("run", "Fit and validate the PD scorecard, LGD and EAD models, expected loss, IFRS 9 and Basel IRB capital.") { config, output, force };
        cmd.SetAction((parse, _) =>
        {
            var outDir = parse.GetValue(output)!;
            var cfg = ConfigLoader.Load(parse.GetValue(config)!);
            using var folder = OutputFolder.Acquire(outDir);
            if (!parse.GetValue(force) && Directory.EnumerateFileSystemEntries(folder.Path).Any(e => !OutputFolder.IsOwnFile(e)))
            {
                throw new AssayException($"--out {outDir} is not empty: choose an empty or new folder, or pass --force to replace the run's files there.");
            }

            var result = CreditPipeline.Run(cfg);
            RunWriter.Write(result, outDir, TimeProvider.System.GetUtcNow());
            var t = result.Pd.Test;
            Console.WriteLine(F($"{result.Name}: {result.Rows} loans, {result.Pd.Scorecard.Variables.Count} variables, {result.Pd.Fit.Names.Length - 1} dummies in the scorecard"));
            Console.WriteLine(F($"test split ({result.Pd.TestRows} loans): AUROC {t.Auroc:F3} (95% CI {t.AurocLow:F3}-{t.AurocHigh:F3}, DeLong), Gini {t.Gini:F3}, KS {t.Ks:F3}, Brier {t.Brier:F4}"));
            if (result.Pd.Challenger is { } cc)
            {
                var ch = cc.Models[1];
                Console.WriteLine(F($"challenger ({ch.Model}): AUROC {ch.Auroc:F3} (95% CI {ch.AurocLow:F3}-{ch.AurocHigh:F3}); difference {cc.Difference.Difference:+0.000;-0.000} (paired DeLong 95% CI {cc.Difference.Low:F3} to {cc.Difference.High:F3}); the scorecard stays the deployed model"));
            }

            if (result.ExpectedLoss is { } el)
            {
                Console.WriteLine(F($"expected loss: {el.ExpectedLoss:N0} = {el.ShareOfFunded:P2} of funded amount {el.FundedAmount:N0} (LGD: {result.Lgd!.Combination} combination)"));
            }

            if (result.Ifrs9 is { } i)
            {
                Console.WriteLine(F($"IFRS 9: {i.LoansOnBook} loans on the book, ECL {i.Ecl:N0} on exposure {i.Exposure:N0}; stages 1/2/3: {string.Join("/", i.Stages.Select(s => s.Loans))}"));
            }

            if (result.Basel is { } b)
            {
                Console.WriteLine(F($"Basel IRB ({b.AssetClass}): capital {b.Capital:N0}, RWA {b.RiskWeightedAssets:N0}, average risk weight {b.AverageRiskWeight:P1}"));
            }

            Console.WriteLine($"wrote {Path.Combine(outDir, "report.html")}, summary.json, scorecard.json, scorecard.sql, loans.csv");
            return Task.FromResult(0);
        });
        return cmd;
    }

    private static Command Score()
    {
        var model = new Option<string>("--model") { Description = "scorecard.json written by 'assay credit run'.", Required = true };
        var data = new Option<string?>("--data") { Description = "CSV of applicants; without it, one JSON record is read from stdin." };
        var output = new Option<string?>("--out") { Description = "Write the scores to this CSV instead of stdout." };
        var cmd = new Command("score", "Score applicants: score, PD and reason codes (the variables that cost the most points).") { model, data, output };
        cmd.SetAction(async (parse, ct) =>
        {
            var card = ScorecardModel.Load(parse.GetValue(model)!);
            if (parse.GetValue(data) is not { } path)
            {
                var json = await Console.In.ReadToEndAsync(ct);
                var scored = ScoringService.ScoreRecord(card, ParseRecord(json));
                Console.WriteLine(SummaryDocument.Serialize(new { scored.Score, scored.Pd, PdMethod = "PD = 1 / (1 + e^s) from the score's log-odds", scored.Reasons }));
                return 0;
            }

            var results = ScoringService.ScoreFile(card, path);
            var outPath = parse.GetValue(output);
            // Through the one CSV writer: an id or a class label with a comma, quote or line break stays one field.
            Task WriteScores(TextWriter writer)
            {
                string[] header = ["line", "id", "score", "pd", .. Enumerable.Range(1, card.ReasonCodes).Select(i => $"reason_{i}")];
                TabularWriter.Write(writer, header, results.Select(r => (IReadOnlyList<string?>)
                [
                    F($"{r.Line}"), r.Id ?? "", F($"{r.Score}"), F($"{r.Pd:G6}"),
                    .. Enumerable.Range(0, card.ReasonCodes).Select(i => i < r.Reasons.Count ? F($"{r.Reasons[i].Variable} = {r.Reasons[i].Class} (-{r.Reasons[i].PointsLost} points)") : ""),
                ]));
                return Task.CompletedTask;
            }

            if (outPath is null)
            {
                await WriteScores(Console.Out);
            }
            else
            {
                await AtomicFile.WriteAsync(outPath, WriteScores);
            }

            if (outPath is not null)
            {
                Console.WriteLine($"scored {results.Count} applicants into {outPath}");
            }

            return 0;
        });
        return cmd;
    }

    private static Command Monitor()
    {
        var model = new Option<string>("--model") { Description = "scorecard.json written by 'assay credit run'.", Required = true };
        var data = new Option<string>("--data") { Description = "CSV of newer applicants, same columns as the development data.", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the PSI tables to this JSON file." };
        var html = new Option<string?>("--html") { Description = "Also write a report (PSI chart, actions, class shares) to this HTML file." };
        var windowColumn = new Option<string?>("--window-column") { Description = "Also compare each time window of this date column (e.g. issue_d: Dec-2015, 2015-12, 2015-12-31) with the development sample." };
        var window = new Option<string>("--window") { Description = "The window for --window-column: month, quarter or year.", DefaultValueFactory = _ => "month" };
        var minApplicants = new Option<int>("--min-window-applicants") { Description = "Windows with fewer applicants are left out and listed (their shares would be noise).", DefaultValueFactory = _ => 100 };
        var cmd = new Command("monitor", "Population stability: PSI of the score and CSI of each scorecard variable against the development sample, overall and (with --window-column) per time window.") { model, data, json, html, windowColumn, window, minApplicants };
        cmd.SetAction((parse, _) =>
        {
            var card = ScorecardModel.Load(parse.GetValue(model)!);
            var size = TimeWindows.Parse(parse.GetValue(window)!, "--window");
            if (parse.GetValue(minApplicants) < 1)
            {
                throw new AssayException("--min-window-applicants must be 1 or more.");
            }

            var results = ScoringService.Monitor(card, parse.GetValue(data)!);
            Console.WriteLine("PSI (score) and CSI (variables) = sum (actual - expected) x ln(actual / expected); < 0.1 stable, 0.1-0.25 minor shift, >= 0.25 redevelop");
            foreach (var r in results)
            {
                Console.WriteLine(F($"{r.Variable,-28} {r.Psi,8:F4}  {r.Action}"));
            }

            MonitorReport.MonitorWindows? windows = null;
            if (parse.GetValue(windowColumn) is { } column)
            {
                var (byWindow, skipped) = ScoringService.MonitorWindows(card, parse.GetValue(data)!, column, size, parse.GetValue(minApplicants));
                windows = new MonitorReport.MonitorWindows(column, size, parse.GetValue(minApplicants), byWindow, skipped);
                Console.WriteLine(F($"per {size.ToString().ToLowerInvariant()} of {column}: window, applicants, score PSI, the variable with the largest CSI"));
                foreach (var w in byWindow)
                {
                    Console.WriteLine(F($"  {w.Window,-10} {w.Applicants,9:N0}  {w.Score.Psi,8:F4}  {w.WorstVariable?.Variable ?? "-"} {w.WorstVariable?.Psi ?? 0:F4}  {w.Results.MaxBy(r => r.Psi)!.Action}"));
                }

                foreach (var (name, count) in skipped)
                {
                    Console.WriteLine(F($"  {name,-10} {count,9:N0}  left out: fewer than {parse.GetValue(minApplicants)} applicants"));
                }
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                object document = windows is null
                    ? results.Select(SummaryDocument.Psi)
                    : new
                    {
                        Overall = results.Select(SummaryDocument.Psi),
                        Windows = new
                        {
                            windows.Column,
                            Size = windows.Size.ToString().ToLowerInvariant(),
                            windows.MinApplicants,
                            Compared = windows.Windows.Select(w => new { w.Window, w.Applicants, Results = w.Results.Select(SummaryDocument.Psi) }),
                            Skipped = windows.Skipped.Select(k => new { k.Window, k.Applicants }),
                        },
                    };
                AtomicFile.WriteAllText(jsonPath, SummaryDocument.Serialize(document));
            }

            if (parse.GetValue(html) is { } htmlPath)
            {
                MonitorReport.Build(parse.GetValue(model)!, parse.GetValue(data)!, results, TimeProvider.System.GetUtcNow(), windows).WriteTo(htmlPath);
                Console.WriteLine($"wrote {htmlPath}");
            }

            return Task.FromResult(0);
        });
        return cmd;
    }

    private static Command Generate()
    {
        var rows = new Option<int>("--rows") { Description = "Number of loans (the course's full data has 466,285).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var shift = new Option<double>("--shift") { Description = "Population shift in [0, 1] for monitoring demos (0 = the development population).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "CSV file to write.", Required = true };
        var cmd = new Command("generate", "Write a synthetic Lending-Club-shaped portfolio with a known true default model (see src/Assay.Credit/Data/README.md).") { rows, seed, shift, output };
        cmd.SetAction((parse, _) =>
        {
            var n = parse.GetValue(rows);
            if (n <= 0)
            {
                throw new AssayException($"--rows is {n}; give a positive number of loans.");
            }

            var path = parse.GetValue(output)!;
            PortfolioGenerator.WriteCsv(path, n, parse.GetValue(seed), parse.GetValue(shift));
            Console.WriteLine($"wrote {n} loans to {path}; true model: {PortfolioGenerator.TrueModelDescription}");
            return Task.FromResult(0);
        });
        return cmd;
    }

    private static Dictionary<string, string?> ParseRecord(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AssayException("stdin: expected one JSON object such as {\"grade\": \"B\", \"int_rate\": 10.5}.");
            }

            return doc.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                },
                StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new AssayException($"stdin: not valid JSON ({ex.Message}); pass one applicant as a JSON object, or use --data FILE.csv.", ex);
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
