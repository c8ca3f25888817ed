namespace Assay.Credit.Monitoring;

/// <summary>One time window's stability: the applicants in it and the PSI of the score and CSI of each variable against development.</summary>
public sealed record WindowStability(string Window, int Applicants, IReadOnlyList<PsiResult> Results)
{
    public PsiResult Score => Results.Single(r => r.Variable == "score");

    /// <summary>The variable that moved most in this window (its CSI), or null when the scorecard has none.</summary>
    public PsiResult? WorstVariable => Results.Where(r => r.Variable != "score").MaxBy(r => r.Psi);
}
