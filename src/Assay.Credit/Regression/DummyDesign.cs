using Assay.Credit.Binning;

namespace Assay.Credit.Regression;

/// <summary>
/// Dummy coding of the binned variables: one column per coarse class except the reference
/// class of each variable, which is the class with the lowest WoE (the course's choice, so
/// every coefficient reads as "better than the worst class"). Rows are stored sparsely: for
/// each row and variable, the design column of its class, or 0 when it is the reference.
/// </summary>
internal sealed class DummyDesign
{
    private DummyDesign(IReadOnlyList<BinnedVariable> variables, int[][] columnOfClass, int[] reference, string[] names, int[] columnVariable)
    {
        Variables = variables;
        ColumnOfClass = columnOfClass;
        ReferenceClass = reference;
        ColumnNames = names;
        ColumnVariable = columnVariable;
    }

    public IReadOnlyList<BinnedVariable> Variables { get; }

    /// <summary>Per variable and class: the design column (0 = reference or a class without development rows).</summary>
    public int[][] ColumnOfClass { get; }

    public int[] ReferenceClass { get; }

    /// <summary>Column 0 is the intercept; the others read "variable: class".</summary>
    public string[] ColumnNames { get; }

    /// <summary>The variable of each column (-1 for the intercept).</summary>
    public int[] ColumnVariable { get; }

    public int P => ColumnNames.Length;

    public int M => Variables.Count;

    public static DummyDesign Build(IReadOnlyList<BinnedVariable> variables)
    {
        var names = new List<string> { "intercept" };
        var colVar = new List<int> { -1 };
        var map = new int[variables.Count][];
        var reference = new int[variables.Count];
        for (var v = 0; v < variables.Count; v++)
        {
            var woe = variables[v].Woe;
            var rows = woe.Rows;
            var refClass = -1;
            for (var k = 0; k < rows.Count; k++)
            {
                var r = rows[k];
                if (r.Count > 0 && (r.Good == 0 || r.Bad == 0))
                {
                    var which = r.Good == 0 ? "no good" : "no bad";
                    throw new AssayException($"perfect separation: class '{r.Label}' of variable '{woe.Variable}' has {which} loans among its {r.Count} development rows, so its coefficient would be infinite; merge it with a neighbour in binning.overrides.{woe.Variable}, or drop the variable.");
                }

                if (r.Count > 0 && (refClass < 0 || r.Woe < rows[refClass].Woe))
                {
                    refClass = k;
                }
            }

            reference[v] = refClass;
            map[v] = new int[rows.Count];
            for (var k = 0; k < rows.Count; k++)
            {
                if (k != refClass && rows[k].Count > 0)
                {
                    map[v][k] = names.Count;
                    names.Add($"{woe.Variable}: {rows[k].Label}");
                    colVar.Add(v);
                }
            }
        }

        return new DummyDesign(variables, map, reference, [.. names], [.. colVar]);
    }

    /// <summary>The sparse rows: n x M design columns (0 = none) for the given per-variable classes.</summary>
    public int[] Rows(IReadOnlyList<int[]> classesPerVariable, int n)
    {
        var m = M;
        var act = new int[n * m];
        Parallel.For(0, m, v =>
        {
            var classes = classesPerVariable[v];
            var map = ColumnOfClass[v];
            for (var i = 0; i < n; i++)
            {
                var c = classes[i];
                act[(i * m) + v] = c < 0 ? 0 : map[c];
            }
        });
        return act;
    }

    public string Explain(int column) =>
        column == 0 ? "the intercept" : $"class of variable '{Variables[ColumnVariable[column]].Woe.Variable}'";
}
