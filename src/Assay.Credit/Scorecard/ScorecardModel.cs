using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Credit.Binning;
using Assay.Credit.Data;

namespace Assay.Credit.Scorecard;

/// <summary>One variable of the scorecard: its classes, coefficient and points per class.</summary>
public sealed class ScorecardVariable
{
    public VariableBins Bins { get; set; } = new();

    /// <summary>The class dropped as the regression's reference (lowest WoE): coefficient 0.</summary>
    public int ReferenceClass { get; set; }

    /// <summary>Coefficient per class (log-odds of good relative to the reference class).</summary>
    public double[] Coefficients { get; set; } = [];

    /// <summary>Whether the class had development rows (a class without them scores by the unseen rule).</summary>
    public bool[] Fitted { get; set; } = [];

    /// <summary>Points per class after rounding and the rounding fix.</summary>
    public int[] Points { get; set; } = [];

    /// <summary>Points for a value with no class at fit: the variable's lowest points (conservative).</summary>
    public int UnseenPoints { get; set; }

    /// <summary>Development rows per class, the expected distribution for PSI.</summary>
    public long[] DevelopmentCounts { get; set; } = [];

    [JsonIgnore]
    public string Name => Bins.Variable;

    [JsonIgnore]
    public int MaxPoints => Points.Where((_, k) => Fitted[k]).DefaultIfEmpty(0).Max();

    /// <summary>The points of a class index (-1 or an unfitted class: the unseen rule).</summary>
    public int PointsOf(int cls) => cls >= 0 && Fitted[cls] ? Points[cls] : UnseenPoints;
}

/// <summary>
/// The fitted scorecard as stored in scorecard.json: input preparation, classes, coefficients,
/// points and the score scaling, plus the development distributions monitoring compares with.
/// Everything scoring, monitoring and scorecard.sql need, and nothing else.
/// </summary>
public sealed class ScorecardModel
{
    public const string UnseenRule = "a value with no class at fit (a category not seen in development, or a missing value where development had none) gets the lowest points of its variable";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format { get; set; } = "assay-credit-scorecard/1";

    public string Name { get; set; } = "";

    public int MinScore { get; set; } = 300;

    public int MaxScore { get; set; } = 850;

    /// <summary>Intercept plus the smallest coefficient of each variable (log-odds at the lowest score).</summary>
    public double MinSum { get; set; }

    /// <summary>Intercept plus the largest coefficient of each variable (log-odds at the highest score).</summary>
    public double MaxSum { get; set; }

    public double Intercept { get; set; }

    public int InterceptPoints { get; set; }

    public string? IdColumn { get; set; }

    public int ReasonCodes { get; set; } = 3;

    public List<ColumnPrep> Inputs { get; set; } = [];

    public List<ScorecardVariable> Variables { get; set; } = [];

    public string Unseen { get; set; } = UnseenRule;

    public int ScoreBand { get; set; } = 50;

    /// <summary>Development rows per score band (MinScore + k x ScoreBand), the expected distribution for the score's PSI.</summary>
    public long[] DevelopmentScoreCounts { get; set; } = [];

    /// <summary>P(good) of a score: s = (score - min)/(max - min) x (maxSum - minSum) + minSum, p = e^s / (1 + e^s).</summary>
    public double GoodProbability(double score)
    {
        var s = ((score - MinScore) / (MaxScore - MinScore) * (MaxSum - MinSum)) + MinSum;
        return 1 / (1 + Math.Exp(-s));
    }

    /// <summary>Probability of default of a score (1 - P(good)).</summary>
    public double Pd(double score) => 1 - GoodProbability(score);

    /// <summary>The (unrounded) score at which P(good) equals t.</summary>
    public double ScoreAt(double goodProbability)
    {
        var s = Math.Log(goodProbability / (1 - goodProbability));
        return ((s - MinSum) / (MaxSum - MinSum) * (MaxScore - MinScore)) + MinScore;
    }

    public int BandOf(int score) => Math.Clamp((score - MinScore) / ScoreBand, 0, BandCount - 1);

    [JsonIgnore]
    public int BandCount => ((MaxScore - MinScore) / ScoreBand) + 1;

    public string BandLabel(int band)
    {
        var lo = MinScore + (band * ScoreBand);
        return $"{lo}-{Math.Min(lo + ScoreBand - 1, MaxScore)}";
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScorecardModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"scorecard {path} does not exist: run 'assay credit run CREDIT.yaml --out DIR' and pass DIR/scorecard.json.");
        }

        try
        {
            var model = JsonSerializer.Deserialize<ScorecardModel>(File.ReadAllText(path), Json);
            if (model is null || model.Format != "assay-credit-scorecard/1" || model.Variables.Count == 0)
            {
                throw new AssayException($"{path} is not an Assay scorecard (format assay-credit-scorecard/1); pass the scorecard.json written by 'assay credit run'.");
            }

            return model;
        }
        catch (JsonException ex)
        {
            throw new AssayException($"{path} is not valid JSON at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
    }
}
