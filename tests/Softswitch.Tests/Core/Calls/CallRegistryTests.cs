using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Calls;

public class CallRegistryTests
{
    private CallFixture _f = null!;

    [SetUp]
    public void SetUp() => _f = new CallFixture();

    [Test]
    public void CreateRegistersWithIncreasingIdsAndReportsAuthorising()
    {
        var a = _f.Registry.Create(CallFixture.Setup());
        var b = _f.Registry.Create(CallFixture.Setup());

        Assert.That(b.CallId, Is.GreaterThan(a.CallId));
        Assert.That(_f.Registry.Count, Is.EqualTo(2));
        Assert.That(_f.Registry.Find(a.CallId), Is.SameAs(a));
        Assert.That(_f.Reports.Select(r => r.CallState), Is.All.EqualTo(CallState.Authorising));
        Assert.That(_f.Registry.Add(a), Is.False, "an id is live once");
    }

    [Test]
    public void RemoveTakesTheCallOut()
    {
        var a = _f.Registry.Create(CallFixture.Setup());
        Assert.That(_f.Registry.Remove(a.CallId), Is.SameAs(a));
        Assert.That(_f.Registry.Remove(a.CallId), Is.Null);
        Assert.That(_f.Registry.Find(a.CallId), Is.Null);
        Assert.That(_f.Registry.Count, Is.Zero);
    }

    [Test]
    public void QueryAppliesOnlyTheFiltersGiven()
    {
        var a = _f.Registry.Create(CallFixture.Setup("1001", "1002"));
        var b = _f.Registry.Create(CallFixture.Setup("1003", "1004", callerGateway: "in1"));
        var c = _f.Registry.Create(CallFixture.Setup("1001", "1004"));
        c.SetCalleeLeg(new CalleeLeg { CalleeGateway = "out1" });

        long[] Ids(CallQuery q) => _f.Registry.Query(q).Select(s => s.CallId).ToArray();

        Assert.That(Ids(CallQuery.All), Is.EqualTo(new[] { a.CallId, b.CallId, c.CallId }));
        Assert.That(Ids(new CallQuery { CallerE164s = ["1001"] }), Is.EqualTo(new[] { a.CallId, c.CallId }));
        Assert.That(Ids(new CallQuery { CalleeE164s = ["1004", "9"] }), Is.EqualTo(new[] { b.CallId, c.CallId }));
        Assert.That(Ids(new CallQuery { CallerGateway = "in1" }), Is.EqualTo(new[] { b.CallId }));
        Assert.That(Ids(new CallQuery { CalleeGateway = "out1" }), Is.EqualTo(new[] { c.CallId }));
        Assert.That(Ids(new CallQuery { CallerE164s = ["1001"], CalleeE164s = ["1002"] }), Is.EqualTo(new[] { a.CallId }));
        Assert.That(Ids(new CallQuery { CallerE164s = [] }), Is.Empty);
    }

    [Test]
    public void ConcurrentCreatesGetUniqueIds()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 2000, _ => ids.Add(_f.Registry.Create(CallFixture.Setup()).CallId));

        Assert.That(ids.Distinct().Count(), Is.EqualTo(2000));
        Assert.That(_f.Registry.Count, Is.EqualTo(2000));
    }
}
