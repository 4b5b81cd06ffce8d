using Softswitch.Core.Accounts;
using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Numbers;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>Routing-gateway selection (vos-routing §2, docs/routing.md "Outbound").</summary>
public sealed class CallRouterOutboundTests
{
    private RouterFixture _f = null!;

    [SetUp]
    public void SetUp()
    {
        _f = new RouterFixture();
        _f.Mapping("in");
    }

    [TearDown]
    public void TearDown() => _f.Dispose();

    private string[] Names(string callee, string caller = "02011112222") => _f.Names(_f.FromTrunk("in", caller, callee));

    /// <summary>A clearing account whose group rates every "0…" callee at <paramref name="perMinute"/>.</summary>
    private void Carrier(string account, decimal perMinute)
    {
        _f.Customer(account, "cost-" + account);
        _f.Rates("cost-" + account, ("0", perMinute, FeeRateType.National));
    }

    private RouteDecision Route(string callee, string caller = "02011112222") => _f.Route(_f.FromTrunk("in", caller, callee));

    [Test]
    public void ATerminalPrefixEndsTheSearchAContinuationOneFallsBack()
    {
        _f.Routing("long", "8610");
        _f.Routing("short", "86");
        _f.Routing("any", "");

        Assert.That(Names("8610555"), Is.EqualTo(new[] { "long" }), "terminal: only the longest prefix");
        _f.Routing("long", "8610", g => g with { PrefixStyle = GatewayPrefixStyle.Continuing });
        Assert.That(Names("8610555"), Is.EqualTo(new[] { "long", "short" }), "continuation, then the terminal 86");
        _f.Routing("short", "86", g => g with { PrefixStyle = GatewayPrefixStyle.Continuing });
        Assert.That(Names("8610555"), Is.EqualTo(new[] { "long", "short", "any" }));
        Assert.That(Names("1555"), Is.EqualTo(new[] { "any" }));
    }

    [Test]
    public void NoMatchingPrefixIsNumberNotFound()
    {
        _f.Routing("cn", "86");
        var decision = Route("4420");
        Assert.That(decision.Refusal!.Reason, Is.EqualTo(EndReason.NumberNotFound));
    }

    [Test]
    public void PriorityThenLoadThenCarriedThenId()
    {
        var a = _f.Routing("a", "0", g => g with { Priority = 2 });
        var b = _f.Routing("b", "0", g => g with { Priority = 1, Capacity = 10 });
        var c = _f.Routing("c", "0", g => g with { Priority = 1, Capacity = 10 });
        _f.Load.CallStarted(b.Id);
        _f.Load.CallStarted(b.Id);
        _f.Load.CallStarted(c.Id);

        Assert.That(Names("0123"), Is.EqualTo(new[] { "c", "b", "a" }), "priority 1 first, the less loaded first");
        _f.Load.CallEnded(b.Id);
        Assert.That(Names("0123"), Is.EqualTo(new[] { "c", "b", "a" }), "equal load 1/10: fewer carried first (c 1, b 2)");
        _f.Load.CallEnded(b.Id);
        Assert.That(Names("0123"), Is.EqualTo(new[] { "b", "c", "a" }), "b now carries none of its 10 lines");
        Assert.That(a.Id, Is.LessThan(b.Id));
    }

    [Test]
    public void FullLockedAndUnreachableGatewaysAreSkipped()
    {
        var full = _f.Routing("full", "0", g => g with { Capacity = 1 });
        _f.Routing("locked", "0", g => g with { LockType = GatewayLockType.CallIn });
        _f.Routing("h323", "0", g => g with { Protocol = GatewayProtocol.H323 });
        _f.Routing("named", "0", g => g with { RemoteIp = "carrier.example" });
        _f.Routing("bad", "0", g => g with { RewriteRulesInCallee = "%%%" });
        _f.Routing("ok", "0", g => g with { Priority = 5 });
        _f.Load.CallStarted(full.Id);

        var decision = Route("0123");

        Assert.That(decision.Plan!.Attempts.Select(x => x.GatewayName), Is.EqualTo(new[] { "ok" }));
        Assert.That(decision.Skipped, Is.EquivalentTo(new[]
        {
            new SkippedGateway("full", RouteSkip.Full), new SkippedGateway("locked", RouteSkip.Locked),
            new SkippedGateway("h323", RouteSkip.Unreachable), new SkippedGateway("named", RouteSkip.Unreachable),
            new SkippedGateway("bad", RouteSkip.BadRules),
        }));
        _f.Routing("ok", "0", g => g with { LockType = GatewayLockType.All });
        Assert.That(Route("0123").Refusal!.Reason, Is.EqualTo(EndReason.NoRoute));
    }

    [Test]
    public void AGatewayListedUnderTwoPrefixesIsTriedOnce()
    {
        _f.Routing("both", "86,8610", g => g with { PrefixStyle = GatewayPrefixStyle.Continuing });
        _f.Routing("other", "86", g => g with { Priority = 1 });

        Assert.That(Names("8610555"), Is.EqualTo(new[] { "both", "other" }));
    }

    [Test]
    public void AttemptsAreCappedByMaxAttempts()
    {
        for (int i = 0; i < 8; i++)
        {
            _f.Routing($"g{i}", "0", g => g with { Priority = i });
        }
        _f.Options.MaxAttempts = 3;

        var plan = Route("0123").Plan!;

        Assert.That(plan.Attempts.Select(a => a.GatewayName), Is.EqualTo(new[] { "g0", "g1", "g2" }));
        Assert.That(plan.Attempts.Select(a => a.Index), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(plan.MaxAttempts, Is.EqualTo(3));
    }

    [Test]
    public void LeastCostRoutingOrdersByTheClearingAccountsRate()
    {
        Carrier("carrierA", 0.60m);
        Carrier("carrierB", 0.30m);
        _f.Routing("a", "0", g => g with { ClearingAccount = "carrierA", FeerateRestrict = true, LeastCostRouting = true });
        _f.Routing("b", "0", g => g with { ClearingAccount = "carrierB", FeerateRestrict = true, LeastCostRouting = true });
        _f.Routing("norate", "0", g => g with { FeerateRestrict = true });

        var decision = Route("0123");

        Assert.That(decision.Plan!.Attempts.Select(a => a.GatewayName), Is.EqualTo(new[] { "b", "a" }));
        Assert.That(decision.Skipped, Is.EqualTo(new[] { new SkippedGateway("norate", RouteSkip.NoRate) }));
    }

    [Test]
    public void TheCallersPolicyTwoRanksByCostAndMaxSecondRatesSkipsDearGateways()
    {
        Carrier("carrierA", 0.60m);
        Carrier("carrierB", 1.20m);
        _f.Routing("b", "0", g => g with { ClearingAccount = "carrierB" });
        _f.Routing("a", "0", g => g with { ClearingAccount = "carrierA" });
        _f.Routing("unpriced", "0");
        _f.Mapping("in", g => g with { FirstRoutePolicy = 2 });

        Assert.That(Names("0123"), Is.EqualTo(new[] { "a", "b", "unpriced" }), "unknown cost goes last");
        _f.Mapping("in", g => g with { FirstRoutePolicy = 2, MaxSecondRatesEnable = true, MaxSecondRates = 0.015 });
        var decision = Route("0123");
        Assert.That(decision.Plan!.Attempts.Select(a => a.GatewayName), Is.EqualTo(new[] { "a", "unpriced" }));
        Assert.That(decision.Skipped, Is.EqualTo(new[] { new SkippedGateway("b", RouteSkip.RateTooHigh) }));
    }

    [Test]
    public void TheAsrPolicyPrefersTheBetterConnectionRate()
    {
        var poor = _f.Routing("poor", "0");
        var good = _f.Routing("good", "0");
        var fresh = _f.Routing("fresh", "0");
        for (int i = 0; i < 40; i++)
        {
            _f.Quality.Record(poor.Id, answered: i % 4 == 0);
            _f.Quality.Record(good.Id, answered: i % 4 != 0);
        }
        _f.Quality.Record(fresh.Id, answered: false);

        Assert.That(Names("0123"), Is.EqualTo(new[] { "poor", "good", "fresh" }), "no policy: id order");
        _f.Mapping("in", g => g with { FirstRoutePolicy = 1 });
        Assert.That(Names("0123"), Is.EqualTo(new[] { "fresh", "good", "poor" }), "too few attempts rank as perfect, to be measured");
        _f.Mapping("in", g => g with { FirstRoutePolicy = 0, SecondRoutePolicy = 1 });
        Assert.That(Names("0123"), Is.EqualTo(new[] { "fresh", "good", "poor" }));
    }

    [Test]
    public void GatewayGroupsAndCallinListsSkipGateways()
    {
        _f.Routing("premium", "0", g => g with { GatewayGroups = "premium" });
        _f.Routing("callee", "0", g => g with { CallinCalleePrefixes = "012", CallinCalleePrefixesAllow = false });
        _f.Routing("caller", "0", g => g with { CallinCallerPrefixes = "020", CallinCallerPrefixesAllow = true });
        _f.Mapping("in", g => g with { RoutingGatewayGroups = "premium", RoutingGatewayGroupsAllow = false });

        var decision = Route("0123", caller: "02155556666");

        Assert.That(decision.Refusal?.Reason, Is.EqualTo(EndReason.NoRoute));
        Assert.That(decision.Skipped, Is.EquivalentTo(new[]
        {
            new SkippedGateway("premium", RouteSkip.GroupDenied), new SkippedGateway("callee", RouteSkip.CalleePrefixDenied),
            new SkippedGateway("caller", RouteSkip.CallerPrefixDenied),
        }));
        Assert.That(Names("0133", caller: "02011112222"), Is.EqualTo(new[] { "callee", "caller" }));
    }

    [Test]
    public void ARoutingGatewaysOwnNumberChecksSkipIt()
    {
        _f.Routing("short", "0", g => g with { CalleeAllowLength = 1 << 4 });
        _f.Routing("long", "0");

        var decision = Route("01234567");

        Assert.That(decision.Plan!.Attempts.Single().GatewayName, Is.EqualTo("long"));
        Assert.That(decision.Skipped, Is.EqualTo(new[] { new SkippedGateway("short", RouteSkip.NumberDenied) }));
    }

    [Test]
    public void ScheduledPrefixesFollowTheClock()
    {
        // Monday 10:00 UTC. Callees 00 may use "night" only from 20:00 to 08:00; "day" forbids 00 on weekdays 09:00-18:00.
        _f.Routing("night", "0", g => g with
        {
            ScheduledCallinPrefixes = [new ScheduledCallinPrefix { Days = [], BeginTime = 72_000, EndTime = 28_800, Action = 1, Type = 1, Prefixes = ["00"] }],
        });
        _f.Routing("day", "0", g => g with
        {
            ScheduledCallinPrefixes = [new ScheduledCallinPrefix { Days = [1, 2, 3, 4, 5], BeginTime = 32_400, EndTime = 64_800, Action = 0, Type = 1, Prefixes = ["00"] }],
        });

        Assert.That(Route("00441234").Skipped.Select(s => (s.Gateway, s.Reason)), Is.EquivalentTo(new[]
        {
            ("night", RouteSkip.OutsideSchedule), ("day", RouteSkip.OutsideSchedule),
        }));
        Assert.That(Names("0201234"), Is.EqualTo(new[] { "night", "day" }), "other callees are not scheduled");
        _f.Time.Advance(TimeSpan.FromHours(12)); // Monday 22:00
        Assert.That(Names("00441234"), Is.EqualTo(new[] { "night", "day" }));
        _f.Time.Advance(TimeSpan.FromHours(12)); // Tuesday 10:00
        Assert.That(Route("00441234").Refusal!.Reason, Is.EqualTo(EndReason.NoRoute));
    }

    [Test]
    public void EachAttemptCarriesItsRewrittenNumbersAndSettings()
    {
        _f.Phone("1001", p => p with { DisplayNumber = "66668888" });
        _f.Routing("out", "a", g => g with
        {
            RemoteIp = "203.0.113.7;transport=tcp", SignalPort = 5070, RewriteRulesInCallee = "a:", RewriteRulesInCaller = "6:86",
            EnablePhoneDisplay = true, TimeoutInvite = 5, TimeoutRinging = 30, SwitchAllowBusy = true, SipCodecAssign = true,
            SipCodecs = ["PCMA"], SipPrivacy = 2, SipPAssertedIdentity = 2, RtpForwardType = 1,
            MaxCallDurationLower = 100, MaxCallDurationUpper = 100,
        });
        _f.Phone("1001", p => p with { DisplayNumber = "66668888", RewriteRulesOutCallee = "*:a*" });

        var plan = _f.Route(_f.FromPhone("1001", "13800138000")).Plan!;
        var attempt = plan.Attempts.Single();

        Assert.That((plan.CalleeNumber, plan.RatingCallee), Is.EqualTo(("a13800138000", "13800138000")), "tagged for routing, rated without the tag");
        Assert.That((attempt.CalleeNumber, attempt.CallerNumber), Is.EqualTo(("13800138000", "866668888")));
        Assert.That((attempt.Ip, attempt.Port, attempt.Transport), Is.EqualTo(("203.0.113.7", 5070, AttemptTransport.Tcp)));
        Assert.That(attempt.Timeouts, Is.EqualTo(new AttemptTimeouts(TimeSpan.FromSeconds(5), null, null, null, TimeSpan.FromSeconds(30))));
        Assert.That(attempt.Switches, Is.EqualTo(new FailoverSwitches(false, false, false, true, false)));
        Assert.That(attempt.Codecs, Is.EqualTo(new[] { "PCMA" }));
        Assert.That((attempt.Identity.Privacy, attempt.Identity.PAssertedIdentity, attempt.RtpForwardType), Is.EqualTo((2, 2, 1)));
        Assert.That(attempt.MaxDuration, Is.EqualTo(TimeSpan.FromSeconds(100)));
        Assert.That(attempt.PrefixLength, Is.EqualTo(1));
    }

    [TestCase("203.0.113.7", 5060, "203.0.113.7", 5060, AttemptTransport.Udp)]
    [TestCase("203.0.113.7:5080", 5060, "203.0.113.7", 5080, AttemptTransport.Udp)]
    [TestCase(" 203.0.113.7 ;transport=TCP", 5090, "203.0.113.7", 5090, AttemptTransport.Tcp)]
    [TestCase("[2001:db8::1]:5070", 5060, "2001:db8::1", 5070, AttemptTransport.Udp)]
    [TestCase("2001:db8::1", 5061, "2001:db8::1", 5061, AttemptTransport.Udp)]
    public void RemoteAddressesParse(string text, int signalPort, string ip, int port, AttemptTransport transport) =>
        Assert.That(CallRouter.ParseAddress(text, signalPort), Is.EqualTo(new Destination(ip, port, transport)));

    [TestCase("carrier.example")]
    [TestCase("")]
    [TestCase("203.0.113.7;transport=sctp")]
    [TestCase("203.0.113.7:99999")]
    public void UnusableAddressesDoNotParse(string text) => Assert.That(CallRouter.ParseAddress(text, 5060), Is.Null);

    [Test]
    public void ADynamicRoutingGatewayIsReachedWhereItRegisteredAndSkippedOffline()
    {
        _f.Routing("dyn", "0", g => g with { RegisterType = GatewayRegisterType.Dynamic, RemoteIp = "" });
        var now = _f.Time.GetUtcNow();

        Assert.That(Route("0123").Skipped.Single(), Is.EqualTo(new SkippedGateway("dyn", RouteSkip.Unreachable)));
        _f.Presence.Upsert(new GatewayPresenceEntry(GatewayKind.Routing, "dyn", "198.51.100.44:5099", now, now, now.AddMinutes(5)));
        var attempt = Route("0123").Plan!.Attempts.Single();
        Assert.That((attempt.Ip, attempt.Port), Is.EqualTo(("198.51.100.44", 5099)));
        _f.Presence.Upsert(new GatewayPresenceEntry(GatewayKind.Routing, "dyn", "198.51.100.44:5099", now, now, now.AddMinutes(5)) { RetryUntil = now.AddMinutes(1) });
        Assert.That(Route("0123").Skipped.Single().Reason, Is.EqualTo(RouteSkip.RetryLater));
    }

    [Test]
    public void RoutingGatewayNumberConversionMapsThePlatformNumber()
    {
        _f.Numbers.PutE164Convert(new E164Convert(1, "4001", "", "13912345678", ""));
        _f.Routing("out", "4", g => g with { GroupE164Change = true });

        Assert.That(Route("4001").Plan!.Attempts.Single().CalleeNumber, Is.EqualTo("13912345678"));
        Assert.That(Route("4002").Plan!.Attempts.Single().CalleeNumber, Is.EqualTo("4002"));
    }

    [Test]
    public void CallerPoolsLeaseNumbersUpToTheirLineCap()
    {
        _f.NumberGroup("pool", "95001", "95002");
        _f.Routing("out", "0", g => g with
        {
            RewriteRulesInCallerUseE164GroupEnable = true, RewriteRulesInCallerUseE164Group = "pool", RewriteRulesInCallerUseE164Line = 1,
        });
        var attempt = Route("0123").Plan!.Attempts.Single();
        Assert.That((attempt.CallerPool, attempt.CallerPoolLines), Is.EqualTo(("pool", 1)));

        var first = _f.Router.BeginAttempt(attempt);
        var second = _f.Router.BeginAttempt(attempt);
        var third = _f.Router.BeginAttempt(attempt);

        Assert.That(new[] { first.CallerNumber, second.CallerNumber }, Is.EquivalentTo(new[] { "95001", "95002" }));
        Assert.That((third.IsReady, third.Skip), Is.EqualTo((false, (RouteSkip?)RouteSkip.PoolExhausted)));
        first.Lease!.Dispose();
        first.Lease.Dispose();
        Assert.That(_f.Pool.InUse(first.CallerNumber), Is.Zero, "a lease is released once");
        var fourth = _f.Router.BeginAttempt(attempt);
        Assert.That((fourth.IsReady, fourth.CallerNumber), Is.EqualTo((true, first.CallerNumber)));
    }

    [Test]
    public void BeginAttemptSkipsAGatewayThatFilledUpSinceThePlan()
    {
        var gateway = _f.Routing("out", "0", g => g with { Capacity = 1 });
        var attempt = Route("0123").Plan!.Attempts.Single();
        Assert.That(_f.Router.BeginAttempt(attempt).IsReady, Is.True);

        _f.Load.CallStarted(gateway.Id);

        Assert.That(_f.Router.BeginAttempt(attempt).Skip, Is.EqualTo(RouteSkip.Full));
    }

    [Test]
    public void AManagementWriteTakesEffectOnTheNextCall()
    {
        _f.Routing("old", "0");
        Assert.That(Names("0123"), Is.EqualTo(new[] { "old" }));

        _f.Gateways.RemoveRouting("old");
        _f.Routing("new", "01");

        Assert.That(Names("0123"), Is.EqualTo(new[] { "new" }));
    }

    [Test]
    public void ALockedPayerAccountOfALeastCostGatewayDoesNotMatter()
    {
        _f.Customer("carrier", "cost", locked: true);
        _f.Rates("cost", ("0", 0.6m, FeeRateType.National));
        _f.Routing("a", "0", g => g with { ClearingAccount = "carrier", FeerateRestrict = true });

        Assert.That(Names("0123"), Is.EqualTo(new[] { "a" }), "the clearing account only prices the route");
        Assert.That(_f.Directory.FindCustomer("carrier")!.LockType, Is.EqualTo(CustomerLockType.Locked));
    }
}
