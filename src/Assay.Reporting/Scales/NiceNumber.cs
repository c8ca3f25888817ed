namespace Assay.Reporting.Scales;

/// <summary>Rounds a step to 1, 2 or 5 times a power of ten: the steps people read at a glance.</summary>
internal static class NiceNumber
{
    /// <summary>The smallest 1-2-5 step at least <paramref name="rough"/>; <paramref name="exponent"/> is its power of ten.</summary>
    public static double Ceiling(double rough, out int exponent)
    {
        exponent = (int)Math.Floor(Math.Log10(rough));
        var fraction = rough / Math.Pow(10, exponent);
        double nice;
        if (fraction <= 1.0 + 1e-9)
        {
            nice = 1;
        }
        else if (fraction <= 2.0 + 1e-9)
        {
            nice = 2;
        }
        else if (fraction <= 5.0 + 1e-9)
        {
            nice = 5;
        }
        else
        {
            nice = 1;
            exponent++;
        }

        return nice * Math.Pow(10, exponent);
    }

    /// <summary>The 1-2-5 step nearest to <paramref name="rough"/> (on a log scale).</summary>
    public static double Nearest(double rough, out int exponent)
    {
        exponent = (int)Math.Floor(Math.Log10(rough));
        var fraction = rough / Math.Pow(10, exponent);
        double nice;
        if (fraction < 1.5)
        {
            nice = 1;
        }
        else if (fraction < 3.5)
        {
            nice = 2;
        }
        else if (fraction < 7.5)
        {
            nice = 5;
        }
        else
        {
            nice = 1;
            exponent++;
        }

        return nice * Math.Pow(10, exponent);
    }
}
