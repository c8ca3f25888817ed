using Assay.Credit.Regulatory;

namespace Assay.Credit.Tests.Regulatory;

public class Ifrs9Tests
{
    private static Ifrs9 CreateSut() => new(pdRatio: 2, pdIncrease: 0.05, stage2Dpd: 30, stage3Dpd: 90);

    private static Ifrs9Loan Loan(double origPd = 0.05, double currentPd = 0.05, double dpd = 0, bool defaulted = false) =>
        new(origPd, currentPd, dpd, defaulted, TermMonths: 36, MonthsOnBook: 12, AnnualRate: 0.1, Funded: 10000, Lgd: 0.6);

    [Fact]
    public void Stage_FollowsDaysPastDueAndPdDeterioration()
    {
        var sut = CreateSut();
        Assert.Equal(1, sut.Stage(Loan()));
        Assert.Equal(2, sut.Stage(Loan(dpd: 31)));
        Assert.Equal(3, sut.Stage(Loan(dpd: 90)));
        Assert.Equal(3, sut.Stage(Loan(defaulted: true)));
        Assert.Equal(2, sut.Stage(Loan(origPd: 0.05, currentPd: 0.12)));
        Assert.Equal(1, sut.Stage(Loan(origPd: 0.01, currentPd: 0.03)));
    }

    [Fact]
    public void Evaluate_LifetimeEclExceedsTwelveMonthEcl()
    {
        var sut = CreateSut();
        var stage1 = sut.Evaluate(Loan(origPd: 0.1, currentPd: 0.1));
        var stage2 = sut.Evaluate(Loan(origPd: 0.1, currentPd: 0.1, dpd: 45));
        Assert.Equal(1, stage1.Stage);
        Assert.Equal(2, stage2.Stage);
        Assert.True(stage2.Ecl > stage1.Ecl);
        Assert.True(stage1.Ecl > 0);
    }

    [Fact]
    public void Balance_FollowsTheAnnuitySchedule()
    {
        Assert.Equal(10000, Ifrs9.Balance(10000, 0.12, 36, 0));
        Assert.Equal(0, Ifrs9.Balance(10000, 0.12, 36, 36));
        var half = Ifrs9.Balance(10000, 0.12, 36, 18);
        Assert.InRange(half, 5400, 5500);
    }

    [Fact]
    public void AnnualHazard_ReproducesTheLifetimePd()
    {
        var h = PdTermStructure.AnnualHazard(0.2, 60);
        Assert.Equal(0.2, PdTermStructure.Cumulative(h, 5), 12);
    }
}
