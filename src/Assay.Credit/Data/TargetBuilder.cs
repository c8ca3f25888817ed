using Assay.Credit.Config;

namespace Assay.Credit.Data;

/// <summary>The PD target: 1 = good, 0 = bad (the model predicts P(good), as in the course).</summary>
internal static class TargetBuilder
{
    public static byte[] Build(TargetConfig target, RawTable raw)
    {
        var values = raw.Column(target.Column, "the target");
        var bad = new HashSet<string>(target.Bad.Select(s => s.Trim()), StringComparer.Ordinal);
        var good = new HashSet<string>(target.Good.Select(s => s.Trim()), StringComparer.Ordinal);
        var y = new byte[values.Length];
        var goods = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i]?.Trim();
            if (v is null)
            {
                throw new AssayException($"{raw.Source} line {raw.LineOf(i)}: target column '{target.Column}' is empty; every loan needs an outcome (drop the row or fill it).");
            }

            var isGood = bad.Count > 0 ? !bad.Contains(v) : good.Contains(v);
            y[i] = isGood ? (byte)1 : (byte)0;
            goods += y[i];
        }

        if (goods == 0 || goods == values.Length)
        {
            var cls = goods == 0 ? "bad" : "good";
            var rule = bad.Count > 0 ? $"bad: [{string.Join(", ", target.Bad)}]" : $"good: [{string.Join(", ", target.Good)}]";
            throw new AssayException($"{raw.Source}: target column '{target.Column}' has one class only: all {values.Length} loans are {cls} under target.{rule}; check those values or the file (a scorecard needs both good and bad loans).");
        }

        return y;
    }
}
