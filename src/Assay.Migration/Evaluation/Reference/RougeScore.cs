namespace Assay.Migration.Evaluation.Reference;

/// <summary>Precision, recall and F1 of one ROUGE variant (0..1; F1 = 0 when both are 0).</summary>
internal readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore FromCounts(int overlap, int predictionCount, int referenceCount)
    {
        var p = predictionCount == 0 ? 0 : (double)overlap / predictionCount;
        var r = referenceCount == 0 ? 0 : (double)overlap / referenceCount;
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L (sentence-level LCS) of one prediction against one reference.</summary>
internal readonly record struct RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);
