using Softswitch.Core.Billing;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>The pure number rules and the pick of received numbers.</summary>
public sealed class NumberRulesTests
{
    private static readonly ReceivedNumbers Received = new()
    {
        From = "100", RemotePartyId = "101", Display = "102", PAssertedIdentity = "103", PPreferredIdentity = "104",
        To = "200", RequestUri = "201", Diversion = "202",
    };

    [TestCase(0, "100")]
    [TestCase(1, "101")]
    [TestCase(2, "102")]
    [TestCase(3, "103")]
    [TestCase(4, "104")]
    [TestCase(9, "100")]
    public void TheCallerComesFromTheNamedHeader(int domain, string expected) =>
        Assert.That(Received.PickCaller(domain), Is.EqualTo(expected));

    [TestCase(0, "200")]
    [TestCase(1, "201")]
    [TestCase(2, "202")]
    [TestCase(-1, "201")]
    public void TheCalleeComesFromTheNamedHeader(int domain, string expected) =>
        Assert.That(Received.PickCallee(domain), Is.EqualTo(expected));

    [Test]
    public void AnAbsentHeaderFallsBackToFromOrTheRequestUri()
    {
        var sparse = new ReceivedNumbers { From = "100", RequestUri = "201" };
        Assert.That(sparse.PickCaller(CallerNumberSource.PAssertedIdentity), Is.EqualTo("100"));
        Assert.That(sparse.PickCallee(CalleeNumberSource.Diversion), Is.EqualTo("201"));
        Assert.That(new ReceivedNumbers().PickCaller(CallerNumberSource.From), Is.Empty);
    }

    [TestCase("13800138000", null)]
    [TestCase("+8613800138000", null)]
    [TestCase("*86#", null)]
    [TestCase("", "is empty")]
    [TestCase("8+6", "'+' at position 2")]
    [TestCase("1a", "'a' at position 2")]
    public void MalformedNumbers(string number, string? fault) =>
        Assert.That(NumberChecks.Malformed(number, false), fault is null ? Is.Null : Does.Contain(fault));

    [Test]
    public void LengthMasks()
    {
        Assert.That(NumberChecks.LengthAllowed(0, 200), Is.True);
        Assert.That(NumberChecks.LengthAllowed(1 << 11, 11), Is.True);
        Assert.That(NumberChecks.LengthAllowed(1 << 11, 10), Is.False);
        Assert.That(NumberChecks.LengthAllowed(int.MinValue, 31), Is.True, "bit 31");
        Assert.That(NumberChecks.LengthAllowed(-1, 32), Is.False);
    }

    [Test]
    public void PrefixListsAndCallLevels()
    {
        Assert.That(NumberChecks.PrefixListAllows("", false, "1"), Is.True);
        Assert.That(NumberChecks.PrefixListAllows("2, 13", true, "138"), Is.True);
        Assert.That(NumberChecks.PrefixListAllows("2, 13", false, "138"), Is.False);
        Assert.That(NumberChecks.PrefixListAllows("2, 13", true, "148"), Is.False);
        Assert.That(NumberChecks.CallLevelAllows(4, FeeRateType.National), Is.True);
        Assert.That(NumberChecks.CallLevelAllows(4, FeeRateType.International), Is.False);
        Assert.That(NumberChecks.CallLevelAllows(1, FeeRateType.OnNet), Is.True);
        Assert.That(NumberChecks.StripTags("ab12c3"), Is.EqualTo("123"));
    }

    [Test]
    public void ThePoolPicksTheLeastUsedNumberAndRotates()
    {
        var pool = new CallerNumberPool();
        string[] numbers = ["1", "2", "3"];
        var leases = Enumerable.Range(0, 6).Select(_ => pool.TryLease(numbers, 2)!).ToArray();

        Assert.That(leases.Select(l => l.Number).GroupBy(n => n).Select(g => g.Count()), Is.All.EqualTo(2));
        Assert.That(pool.TryLease(numbers, 2), Is.Null);
        Assert.That(pool.TryLease(numbers, 0), Is.Not.Null, "0 = no limit");
        Assert.That(pool.TryLease([], 0), Is.Null);
    }
}
