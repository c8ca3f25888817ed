using Assay.Credit.Data;
using Assay.Credit.Woe;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Assay.Credit.Challenger;

/// <summary>
/// The challenger: gradient-boosted trees (ML.NET FastTree, seeded, one thread so runs repeat)
/// on the scorecard's split and the variables it was offered. Numeric variables enter as prepared
/// values (missing as NaN, which the trees route on their own); a categorical level enters as its
/// training-split WoE, so the trees see an ordered feature learnt without the test loans.
/// </summary>
internal static class GradientBoostedChallenger
{
    public const string Method = "gradient-boosted trees (ML.NET FastTree, binary log-loss, Platt-calibrated P(good)); features: prepared numeric values (missing = NaN) and categorical levels as their training-split WoE (unseen or missing: 0)";

    public static double[] FitPredict(CreditFrame train, byte[] yTrain, CreditFrame test, IReadOnlyList<string> variables, ChallengerSettings s)
    {
        var encoders = variables.Select(v => Encoder.Fit(train, v, yTrain)).ToArray();
        var ml = new MLContext(s.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, variables.Count);
        var trainView = ml.Data.LoadFromEnumerable(Rows(train, yTrain, encoders), schema);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = s.Trees,
            NumberOfLeaves = s.Leaves,
            MinimumExampleCountPerLeaf = s.MinLeaf,
            LearningRate = s.LearningRate,
            NumberOfThreads = 1,
            Seed = s.Seed,
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
        });
        var model = trainer.Fit(trainView);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(Rows(test, new byte[test.RowCount], encoders), schema));
        return [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private static IEnumerable<Row> Rows(CreditFrame frame, byte[] y, Encoder[] encoders)
    {
        var columns = encoders.Select(e => e.Column(frame)).ToArray();
        for (var i = 0; i < frame.RowCount; i++)
        {
            var f = new float[columns.Length];
            for (var v = 0; v < columns.Length; v++)
            {
                f[v] = columns[v][i];
            }

            yield return new Row { Label = y[i] == 1, Features = f };
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>One variable as a number: the prepared value, or a level's training WoE (null map = numeric).</summary>
    private sealed record Encoder(string Variable, Dictionary<string, float>? WoeOfLevel)
    {
        public static Encoder Fit(CreditFrame train, string variable, byte[] y)
        {
            if (!train.Categorical.TryGetValue(variable, out var col))
            {
                return new Encoder(variable, null);
            }

            var good = new long[col.Levels.Length];
            var bad = new long[col.Levels.Length];
            for (var i = 0; i < col.Codes.Length; i++)
            {
                if (col.Codes[i] >= 0)
                {
                    _ = y[i] == 1 ? good[col.Codes[i]]++ : bad[col.Codes[i]]++;
                }
            }

            long tg = good.Sum(), tb = bad.Sum();
            var woe = new Dictionary<string, float>(StringComparer.Ordinal);
            for (var l = 0; l < col.Levels.Length; l++)
            {
                woe[col.Levels[l]] = good[l] + bad[l] == 0 ? 0 : (float)WoeTable.Woe(good[l], bad[l], tg, tb);
            }

            return new Encoder(variable, woe);
        }

        public float[] Column(CreditFrame frame)
        {
            var result = new float[frame.RowCount];
            if (WoeOfLevel is null)
            {
                var x = frame.NumericColumn(Variable);
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = (float)x[i];
                }

                return result;
            }

            var col = frame.Categorical[Variable];
            var map = col.Levels.Select(l => WoeOfLevel.GetValueOrDefault(l, 0f)).ToArray();
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = col.Codes[i] < 0 ? 0 : map[col.Codes[i]];
            }

            return result;
        }
    }
}

/// <summary>Settings of the challenger (challenger: in CREDIT.yaml).</summary>
internal sealed record ChallengerSettings(int Trees, int Leaves, int MinLeaf, double LearningRate, int Seed, int BootstrapSamples);
