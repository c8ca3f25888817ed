namespace Assay.Credit.Monitoring;

/// <summary>One class of a PSI table: expected (development) and actual (new) shares and the class's term.</summary>
public sealed record PsiRow(string Class, double Expected, double Actual, double Term);

/// <summary>The PSI of one variable or of the score, with its action band.</summary>
public sealed record PsiResult(string Variable, double Psi, IReadOnlyList<PsiRow> Rows)
{
    public const string Method = "PSI = sum over classes of (actual share - expected share) x ln(actual / expected); a share of 0 counts as 0.0001 so the log stays finite";

    public string Action => Psi switch
    {
        < 0.1 => "stable",
        < 0.25 => "minor shift: investigate",
        _ => "major shift: redevelop",
    };

    public static PsiResult Compute(string variable, IReadOnlyList<string> labels, long[] expected, long[] actual)
    {
        double te = expected.Sum(), ta = actual.Sum();
        var rows = new List<PsiRow>(labels.Count);
        double psi = 0;
        for (var k = 0; k < labels.Count; k++)
        {
            var e = te > 0 ? expected[k] / te : 0;
            var a = ta > 0 ? actual[k] / ta : 0;
            if (e == 0 && a == 0)
            {
                rows.Add(new PsiRow(labels[k], 0, 0, 0));
                continue;
            }

            var ee = Math.Max(e, 1e-4);
            var aa = Math.Max(a, 1e-4);
            var term = (aa - ee) * Math.Log(aa / ee);
            psi += term;
            rows.Add(new PsiRow(labels[k], e, a, term));
        }

        return new PsiResult(variable, psi, rows);
    }
}
