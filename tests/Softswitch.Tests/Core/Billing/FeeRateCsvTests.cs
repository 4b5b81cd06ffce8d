using Softswitch.Core.Billing;

namespace Softswitch.Tests.Core.Billing;

/// <summary>The ImportFeeRates CSV format (docs/billing.md "CSV import").</summary>
public sealed class FeeRateCsvTests
{
    [Test]
    public void ReadsHeaderCommentsQuotesAndSections()
    {
        const string csv = "feePrefix,areaCode,areaName,type,fee,period\r\n# comment\n\n0086,86,\"China, mainland\",5,0.2,60\n" +
            "0086755,86755,\"Shen \"\"zhen\"\"\",4,0.12,6,1,0.5,60,0.05/30;0.02/6\n";

        var lines = FeeRateCsv.Parse(csv);

        Assert.That(lines.Select(l => l.Line), Is.EqualTo(new[] { 4, 5 }));
        Assert.That(lines.All(l => l.Error is null), Is.True);
        Assert.That(lines[0].Rate!.AreaName, Is.EqualTo("China, mainland"));
        Assert.That(lines[1].Rate!.AreaName, Is.EqualTo("Shen \"zhen\""));
        Assert.That(lines[1].Rate!.LockType, Is.EqualTo(1));
        Assert.That(lines[1].Rate!.Sections, Is.EqualTo(new[] { new FeeRateSectionInput(0.05m, 30, 0), new FeeRateSectionInput(0.02m, 6, 1) }));
    }

    [TestCase("0086,86,x,5,abc,60", "fee")]
    [TestCase("0086,86,x,5,0.2,6.5", "period")]
    [TestCase("0086,86,\"x,5,0.2,60", "quotes")]
    [TestCase("0086,86,x,5,0.2,60,0,0.2,60,0.1/30,extra", "columns")]
    [TestCase("0086,86,x,5,0.2,60,0,0.2,60,0.1-30", "fee/time")]
    [TestCase("0086,86,x,5,1e3,60", "fee")]
    public void StopsAtTheFirstBadLine(string line, string reason)
    {
        var lines = FeeRateCsv.Parse("0,,,5,1,60\n" + line + "\n1,,,5,1,60");

        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[1].Line, Is.EqualTo(2));
        Assert.That(lines[1].Error, Does.Contain(reason));
    }
}
