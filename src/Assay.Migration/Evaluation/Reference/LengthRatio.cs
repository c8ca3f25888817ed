namespace Assay.Migration.Evaluation.Reference;

/// <summary>Response length / reference length in whitespace-separated words (1 = same length; null when the reference is empty).</summary>
internal static class LengthRatio
{
    public static double? Compute(string response, string reference)
    {
        var r = Words(reference);
        return r == 0 ? null : (double)Words(response) / r;
    }

    public static int Words(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }
}
