using Softswitch.Core.Billing;

namespace Softswitch.Tests.Core.Billing;

/// <summary>Longest-prefix lookup, charging and affordable time of rates (001_… §3.44, §3.62; docs/billing.md "Rating").</summary>
public sealed class FeeRateTableTests
{
    private static FeeRate Rate(string prefix, decimal fee, int period = 60, int lockType = 0, params FeeRateSection[] sections) =>
        new() { FeeRateGroup = "g", FeePrefix = prefix, Fee = fee, Period = period, LockType = lockType, Sections = sections };

    private static readonly FeeRateTable Table = FeeRateTable.From(
    [
        Rate("0", 1m), Rate("0086", 0.2m), Rate("0086755", 0.12m), Rate("008675588", 9m, lockType: 1), Rate("1", 0.05m),
    ]);

    [TestCase("0086755123456", "0086755")]
    [TestCase("0086755889999", "0086755", Description = "a locked longer prefix falls through")]
    [TestCase("0086100", "0086")]
    [TestCase("0044", "0")]
    [TestCase("13800138000", "1")]
    [TestCase("0086755", "0086755", Description = "the whole number may be the prefix")]
    public void FindsTheLongestUnlockedPrefix(string callee, string expected) =>
        Assert.That(Table.Find(callee)?.FeePrefix, Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("2000")]
    [TestCase("#0086")]
    public void FindsNothingWithoutAMatchingPrefix(string callee) => Assert.That(Table.Find(callee), Is.Null);

    [Test]
    public void WithAndWithoutMakeNewTablesAndLeaveTheOldOneWhole()
    {
        var more = Table.With([Rate("00867", 0.5m)]).Without(["0086755"]);

        Assert.That(more.Find("0086755123")?.FeePrefix, Is.EqualTo("00867"));
        Assert.That(Table.Find("0086755123")?.FeePrefix, Is.EqualTo("0086755"));
        Assert.That(FeeRateTable.Empty.Find("0086"), Is.Null);
    }

    [TestCase(0, 0, "0")]
    [TestCase(1, 60, "0.12")]
    [TestCase(60, 60, "0.12")]
    [TestCase(61, 120, "0.24")]
    [TestCase(3600, 3600, "7.2")]
    public void ChargesEveryStartedPeriod(int seconds, int feeTime, string fee)
    {
        var charge = Rate("1", 0.12m).Charge(seconds);
        Assert.That(charge, Is.EqualTo((feeTime, decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [TestCase(10, 30, "0.05")]
    [TestCase(30, 30, "0.05")]
    [TestCase(31, 36, "0.06")]
    [TestCase(37, 42, "0.07")]
    public void ChargesSectionsWholeThenPeriods(int seconds, int feeTime, string fee)
    {
        var rate = Rate("1", 0.01m, 6, 0, new FeeRateSection(0.05m, 30, 0));
        Assert.That(rate.Charge(seconds), Is.EqualTo((feeTime, decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public void TenthsDoNotDriftOverManyPeriods()
    {
        // 0.1 per period, 1000 periods: exactly 100 in decimal (a double sum would give 99.9999999999986).
        Assert.That(Rate("1", 0.1m, 1).Charge(1000).Fee, Is.EqualTo(100m));
    }

    [TestCase("10", 0.12, 60, 0, 4980)]
    [TestCase("0.11", 0.12, 60, 0, 0)]
    [TestCase("0", 0.12, 60, 0, 0)]
    [TestCase("-5", 0.12, 60, 0, 0)]
    [TestCase("1", 0.3, 6, 0, 18)]
    public void AffordsWholePeriods(string money, double fee, int period, int unused, int seconds) =>
        Assert.That(Rate("1", (decimal)fee, period).AffordableSeconds(decimal.Parse(money, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(seconds));

    [Test]
    public void AffordsSectionsFirstAndAFreeRateIsUnlimited()
    {
        var rate = Rate("1", 0.01m, 6, 0, new FeeRateSection(0.05m, 30, 0));

        Assert.That(rate.AffordableSeconds(0.04m), Is.Zero, "cannot pay the first section");
        Assert.That(rate.AffordableSeconds(0.07m), Is.EqualTo(30 + 12));
        Assert.That(Rate("1", 0m).AffordableSeconds(0m), Is.EqualTo(FeeRate.Unlimited));
    }

    [Test]
    public void StackedRatesShareTheMoney()
    {
        // 0.1 + 0.2 per 60 s: 3.0 pays 10 periods.
        Assert.That(RatingService.AffordableSeconds(3m, Rate("1", 0.1m), Rate("2", 0.2m)), Is.EqualTo(600));
        Assert.That(RatingService.AffordableSeconds(0.29m, Rate("1", 0.1m), Rate("2", 0.2m)), Is.Zero);
    }
}
