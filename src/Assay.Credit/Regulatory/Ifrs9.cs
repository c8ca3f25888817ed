namespace Assay.Credit.Regulatory;

/// <summary>One loan's IFRS 9 inputs.</summary>
internal readonly record struct Ifrs9Loan(double OriginationPd, double CurrentPd, double DaysPastDue, bool Defaulted, double TermMonths, double MonthsOnBook, double AnnualRate, double Funded, double Lgd, double OutstandingBalance = double.NaN);

/// <summary>One loan's stage and expected credit loss.</summary>
internal readonly record struct Ifrs9Result(int Stage, double Exposure, double Ecl);

/// <summary>
/// IFRS 9 staging and expected credit loss. Stage 3: defaulted or 90+ days past due. Stage 2:
/// a significant increase in credit risk, i.e. 30+ days past due, or lifetime PD now at least
/// ratio x the PD at origination and higher by at least the absolute increase. ECL = sum over
/// the remaining years of marginal PD x LGD x the amortised balance at the start of the year,
/// discounted at the loan's rate (mid-year); stage 1 takes the first 12 months only, stage 3 PD = 1.
/// </summary>
internal sealed class Ifrs9(double pdRatio, double pdIncrease, double stage2Dpd, double stage3Dpd)
{
    public const string Method = "stage 3: defaulted or days past due >= stage-3 threshold; stage 2: days past due > stage-2 threshold, or current lifetime PD >= ratio x origination PD and higher by >= the absolute increase; ECL = sum over remaining years t of marginal PD_t x LGD x amortised balance at the start of year t x (1 + rate)^-(t - 0.5); the balance today is the outstanding principal column when given (the schedule scaled to it), else the annuity schedule; 12-month ECL for stage 1, lifetime for stage 2, LGD x balance for stage 3";

    public int Stage(in Ifrs9Loan loan)
    {
        if (loan.Defaulted || loan.DaysPastDue >= stage3Dpd)
        {
            return 3;
        }

        if (loan.DaysPastDue > stage2Dpd)
        {
            return 2;
        }

        var sicr = loan.CurrentPd >= pdRatio * loan.OriginationPd && loan.CurrentPd - loan.OriginationPd >= pdIncrease;
        return sicr ? 2 : 1;
    }

    public Ifrs9Result Evaluate(in Ifrs9Loan loan)
    {
        var stage = Stage(loan);
        var scheduled = Balance(loan.Funded, loan.AnnualRate, loan.TermMonths, loan.MonthsOnBook);
        var exposure = double.IsNaN(loan.OutstandingBalance) ? scheduled : loan.OutstandingBalance;
        var scale = scheduled > 0 ? exposure / scheduled : 0;
        if (stage == 3)
        {
            return new Ifrs9Result(3, exposure, loan.Lgd * exposure);
        }

        var remainingMonths = Math.Max(loan.TermMonths - loan.MonthsOnBook, 1);
        var remainingYears = remainingMonths / 12.0;
        var hazard = PdTermStructure.AnnualHazard(loan.CurrentPd, loan.TermMonths);
        var horizon = stage == 1 ? Math.Min(1.0, remainingYears) : remainingYears;
        double ecl = 0, survival = 1;
        for (var t = 0; t < horizon; t++)
        {
            var length = Math.Min(1.0, horizon - t);
            var marginal = survival * PdTermStructure.Cumulative(hazard, length);
            var balance = scale * Balance(loan.Funded, loan.AnnualRate, loan.TermMonths, loan.MonthsOnBook + (12 * t));
            ecl += marginal * loan.Lgd * balance / Math.Pow(1 + loan.AnnualRate, t + (length / 2));
            survival *= 1 - PdTermStructure.Cumulative(hazard, length);
        }

        return new Ifrs9Result(stage, exposure, ecl);
    }

    /// <summary>Outstanding principal of an annuity loan after <paramref name="monthsPaid"/> instalments.</summary>
    public static double Balance(double funded, double annualRate, double termMonths, double monthsPaid)
    {
        if (monthsPaid <= 0)
        {
            return funded;
        }

        if (monthsPaid >= termMonths)
        {
            return 0;
        }

        var r = annualRate / 12;
        if (r <= 0)
        {
            return funded * (1 - (monthsPaid / termMonths));
        }

        var growthN = Math.Pow(1 + r, termMonths);
        var growthK = Math.Pow(1 + r, monthsPaid);
        return funded * (growthN - growthK) / (growthN - 1);
    }
}
