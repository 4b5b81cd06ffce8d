using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>The prefix trie over routing gateways and the candidate order of vos-routing §2.</summary>
public sealed class RoutingIndexTests
{
    private static RoutingGateway Gateway(long id, string prefix, int priority = 0, int capacity = 0,
        GatewayPrefixStyle style = GatewayPrefixStyle.Terminating) =>
        new() { Id = id, Name = $"g{id}", Prefix = prefix, Priority = priority, Capacity = capacity, PrefixStyle = style };

    private static (int Length, long[] Ids)[] Levels(RoutingIndex index, string callee)
    {
        Span<RoutePrefixMatch> matches = stackalloc RoutePrefixMatch[index.MaxMatches];
        int count = index.Match(callee, matches);
        var levels = new (int, long[])[count];
        for (int i = 0; i < count; i++)
        {
            var ids = new List<long>();
            foreach (var entry in index.Gateways(matches[i]))
            {
                ids.Add(entry.Id);
            }
            levels[i] = (matches[i].PrefixLength, ids.ToArray());
        }
        return levels;
    }

    [Test]
    public void MatchesComeLongestFirstWithEveryGatewayOfEachPrefix()
    {
        var index = RoutingIndex.Build([
            Gateway(1, ""), Gateway(2, "86"), Gateway(3, "86, 8610"), Gateway(4, "8610,008610"), Gateway(5, "87"),
        ]);

        var levels = Levels(index, "8610555");

        Assert.That(levels.Select(l => l.Length), Is.EqualTo(new[] { 4, 2, 0 }));
        Assert.That(levels[0].Ids, Is.EqualTo(new[] { 3L, 4L }));
        Assert.That(levels[1].Ids, Is.EqualTo(new[] { 2L, 3L }), "a gateway listed under two matching prefixes is at both");
        Assert.That(levels[2].Ids, Is.EqualTo(new[] { 1L }), "an empty prefix list matches every callee");
        Assert.That(Levels(index, "1555").Select(l => l.Length), Is.EqualTo(new[] { 0 }));
        Assert.That(Levels(index, "").Select(l => l.Length), Is.EqualTo(new[] { 0 }));
        Assert.That(Levels(index, "86").Select(l => l.Length), Is.EqualTo(new[] { 2, 0 }), "a callee equal to a prefix matches it");
        Assert.That((index.PrefixCount, index.GatewayCount), Is.EqualTo((5, 5)), "\"\", 86, 8610, 008610, 87");
    }

    [Test]
    public void WithoutADefaultGatewayAnUnknownCalleeMatchesNothing()
    {
        var index = RoutingIndex.Build([Gateway(1, "86")]);

        Assert.That(Levels(index, "1555"), Is.Empty);
        Assert.That(Levels(RoutingIndex.Empty, "1555"), Is.Empty);
    }

    [Test]
    public void LettersAreRoutingTagsMatchedCaseSensitively()
    {
        var index = RoutingIndex.Build([Gateway(1, "a"), Gateway(2, "a86"), Gateway(3, "A"), Gateway(4, "+86,#1")]);

        Assert.That(Levels(index, "a8613800138000").Select(l => l.Ids[0]), Is.EqualTo(new[] { 2L, 1L }));
        Assert.That(Levels(index, "A13800138000").Select(l => l.Ids[0]), Is.EqualTo(new[] { 3L }));
        Assert.That(Levels(index, "13800138000"), Is.Empty);
        Assert.That(Levels(index, "+8610").Select(l => l.Ids[0]), Is.EqualTo(new[] { 4L }));
        Assert.That(Levels(index, "#12").Select(l => l.Ids[0]), Is.EqualTo(new[] { 4L }));
    }

    [Test]
    public void ContinuationNeedsEveryGatewayOfThePrefixToContinue()
    {
        var index = RoutingIndex.Build([
            Gateway(1, "86", style: GatewayPrefixStyle.Continuing), Gateway(2, "8610", style: GatewayPrefixStyle.Continuing),
            Gateway(3, "8620", style: GatewayPrefixStyle.Continuing), Gateway(4, "8620"),
        ]);
        Span<RoutePrefixMatch> matches = stackalloc RoutePrefixMatch[index.MaxMatches];

        index.Match("8610", matches);
        bool tenContinues = index.Continues(matches[0]);
        index.Match("8620", matches);
        bool twentyContinues = index.Continues(matches[0]);

        Assert.That(tenContinues, Is.True);
        Assert.That(twentyContinues, Is.False, "gateway 4 is terminal");
    }

    [Test]
    public void CandidatesAreOrderedByPriorityLoadCarriedThenId()
    {
        var index = RoutingIndex.Build([
            Gateway(10, "1", priority: 2),
            Gateway(11, "1", priority: 1, capacity: 10), // 5/10 = 0.5
            Gateway(12, "1", priority: 1, capacity: 4), // 1/4 = 0.25
            Gateway(13, "1", priority: 1, capacity: 2), // 1/2 = 0.5, carried fewer than 11
            Gateway(14, "1", priority: 1), // no limit: unloaded, but carried most
            Gateway(15, "1", priority: 1), // no limit, carried as many as 14: id decides
            Gateway(16, "1", priority: 1, capacity: 3), // 3/3 full
        ]);
        var load = new InMemoryGatewayLoad();
        Start(load, 11, 5);
        Start(load, 12, 1);
        Start(load, 13, 1);
        Start(load, 14, 9);
        Start(load, 15, 9);
        Start(load, 16, 3);
        for (int i = 0; i < 9; i++)
        {
            load.CallEnded(14);
            load.CallEnded(15);
        }
        Span<RoutePrefixMatch> matches = stackalloc RoutePrefixMatch[index.MaxMatches];
        index.Match("155", matches);
        var candidates = new RouteCandidate[index.Gateways(matches[0]).Length];

        int count = index.Order(matches[0], load, candidates);

        Assert.That(count, Is.EqualTo(7));
        Assert.That(candidates.Select(c => c.GatewayId), Is.EqualTo(new[] { 14L, 15L, 12L, 13L, 11L, 16L, 10L }));
        Assert.That(candidates.Select(c => c.IsFull), Is.EqualTo(new[] { false, false, false, false, false, true, false }));
        Assert.That(index.Entry(candidates[0].Entry).Gateway.Name, Is.EqualTo("g14"));
        Assert.That((candidates[4].CurrentCalls, candidates[4].CallsCarried), Is.EqualTo((5, 5L)));
    }

    [Test]
    public void TooSmallSpansAreABugNotASilentTruncation()
    {
        var index = RoutingIndex.Build([Gateway(1, "1"), Gateway(2, "12"), Gateway(3, "12")]);
        var matches = new RoutePrefixMatch[index.MaxMatches];
        index.Match("123", matches);

        Assert.That(() => index.Match("123", new RoutePrefixMatch[1]), Throws.ArgumentException);
        Assert.That(() => index.Order(matches[0], new InMemoryGatewayLoad(), new RouteCandidate[1]), Throws.ArgumentException);
    }

    [Test]
    public void LookupAndOrderingAllocateNothing()
    {
        var index = RoutingIndex.Build(Enumerable.Range(1, 200).Select(i => Gateway(i, $"86{i % 50},86{i % 7},9{i}", priority: i % 3, capacity: 10)));
        var load = new InMemoryGatewayLoad();
        load.CallStarted(7);
        var matches = new RoutePrefixMatch[index.MaxMatches];
        var candidates = new RouteCandidate[200];
        int total = Route(index, load, matches, candidates);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int again = Route(index, load, matches, candidates);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(again, Is.EqualTo(total).And.Positive);
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void EachGatewaysRulesAreCompiledOnceWithTheIndex()
    {
        var good = Gateway(1, "86,87") with { RewriteRulesInCallee = "86:0", RewriteRulesInCaller = "*:a*" };
        var stale = Gateway(2, "86") with { RewriteRulesInCallee = "%%%not a rule%%%" };
        var index = RoutingIndex.Build([good, stale]);
        var matches = new RoutePrefixMatch[index.MaxMatches];
        index.Match("8610", matches);
        var at86 = index.Gateways(matches[0]).ToArray();
        index.Match("8710", matches);
        var at87 = index.Gateways(matches[0]).ToArray();

        Assert.That(at86[0].CalleeRules!.Rewrite("8610", new ScriptedRandom()), Is.EqualTo("010"));
        Assert.That(at86[0].CallerRules!.Rewrite("555", new ScriptedRandom()), Is.EqualTo("a555"));
        Assert.That(at87[0].CalleeRules, Is.SameAs(at86[0].CalleeRules), "one plan per gateway, not per prefix");
        Assert.That(at86[1].CalleeRules, Is.Null, "a stored text that does not compile is flagged, not guessed");
        Assert.That(at86[1].CallerRules, Is.SameAs(DialPlan.Empty));
    }

    [Test]
    public void CountersNeverGoBelowZeroAndUnknownGatewaysReadZero()
    {
        var load = new InMemoryGatewayLoad();
        load.CallEnded(1);
        load.CallStarted(1);
        load.CallEnded(1);
        load.CallEnded(1);

        Assert.That(load.Read(1), Is.EqualTo(new GatewayLoad(0, 1)));
        Assert.That(load.Read(2), Is.EqualTo(default(GatewayLoad)));
    }

    [Test]
    public void ADeepIndexMatchesEveryPrefixOfALongCallee()
    {
        string callee = new('7', 64);
        var index = RoutingIndex.Build(Enumerable.Range(1, 64).Select(n => Gateway(n, callee[..n])));

        var levels = Levels(index, callee + "123");

        Assert.That(index.MaxMatches, Is.EqualTo(65));
        Assert.That(levels.Select(l => l.Length), Is.EqualTo(Enumerable.Range(1, 64).Reverse()));
    }

    private static readonly string[] Callees = ["8612345", "8649000", "95", "9150", "1"];

    private static int Route(RoutingIndex index, IGatewayLoad load, RoutePrefixMatch[] matches, RouteCandidate[] candidates)
    {
        int total = 0;
        foreach (string callee in Callees)
        {
            int count = index.Match(callee, matches);
            for (int i = 0; i < count; i++)
            {
                total += index.Order(matches[i], load, candidates);
            }
        }
        return total;
    }

    private static void Start(InMemoryGatewayLoad load, long id, int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            load.CallStarted(id);
        }
    }
}
