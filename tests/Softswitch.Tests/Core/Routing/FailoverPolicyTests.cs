using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Core.Routing;

namespace Softswitch.Tests.Core.Routing;

/// <summary>Failover after a failed attempt (vos-routing §3, docs/routing.md "Failover").</summary>
public sealed class FailoverPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly FailoverPolicy _policy = new(new RoutingOptions());

    private static GatewayAttempt Attempt(int index, FailoverSwitches switches = default) => new()
    {
        Index = index, Gateway = new RoutingGateway { Id = index + 1, Name = $"g{index}" }, PrefixLength = 1,
        CalleeNumber = "1", CallerNumber = "2", Ip = "203.0.113.1", Port = 5060, Transport = AttemptTransport.Udp,
        Timeouts = new AttemptTimeouts(null, null, null, null, null), Switches = switches,
        Identity = new AttemptIdentity(false, false, 0, 0, 0, false),
    };

    private static RoutePlan Plan(int attempts, FailoverSwitches switches = default, int maxAttempts = 5) => new()
    {
        CallerNumber = "2", CalleeNumber = "1", RatingCallee = "1",
        Attempts = Enumerable.Range(0, attempts).Select(i => Attempt(i, switches)).ToArray(),
        MaxAttempts = maxAttempts, Deadline = Start.AddSeconds(60),
    };

    private FailoverDecision Next(RoutePlan plan, AttemptOutcome outcome, int index = 0) => _policy.Next(plan, plan.Attempts[index], outcome);

    [Test]
    public void A503FailsOverToTheNextGateway()
    {
        var plan = Plan(2);
        var decision = Next(plan, AttemptOutcome.Final(503, Start.AddSeconds(1)));
        Assert.That((decision.TryNext, decision.NextAttempt?.GatewayName), Is.EqualTo((true, "g1")));
    }

    [Test]
    public void BusyStopsUnlessSwitchAllowBusy()
    {
        var stop = Next(Plan(2), AttemptOutcome.Final(486, Start));
        Assert.That((stop.TryNext, stop.Reason), Is.EqualTo((false, EndReason.CalleeBusy)));
        Assert.That(Next(Plan(2), AttemptOutcome.Final(600, Start)).TryNext, Is.False);
        Assert.That(Next(Plan(2, new FailoverSwitches(false, false, false, true, false)), AttemptOutcome.Final(486, Start)).TryNext, Is.True);
    }

    [Test]
    public void ListedErrorCodesStopUnlessSwitchAllowErrorCode()
    {
        Assert.That(Next(Plan(2), AttemptOutcome.Final(404, Start)).Reason, Is.EqualTo(EndReason.NumberNotFound));
        Assert.That(Next(Plan(2), AttemptOutcome.Final(404, Start)).TryNext, Is.False);
        Assert.That(Next(Plan(2, new FailoverSwitches(false, false, false, false, true)), AttemptOutcome.Final(404, Start)).TryNext, Is.True);
        Assert.That(Next(Plan(2), AttemptOutcome.Final(403, Start)).TryNext, Is.True, "outside the list always fails over");
        var custom = new FailoverPolicy(new RoutingOptions { SwitchErrorCodes = [503] });
        var plan = Plan(2);
        Assert.That(custom.Next(plan, plan.Attempts[0], AttemptOutcome.Final(503, Start)).TryNext, Is.False);
        Assert.That(custom.IsSwitchErrorCode(503), Is.True);
    }

    [TestCase(true, false, false)]
    [TestCase(false, true, false)]
    [TestCase(false, false, true)]
    public void NoFailoverAfterRingingSdpOrRtpWhenForbidden(bool ringing, bool sdp, bool rtp)
    {
        var outcome = new AttemptOutcome { End = AttemptEnd.FinalResponse, Status = 503, SawRinging = ringing, SawSdp = sdp, SawRtp = rtp, EndedAt = Start };
        Assert.That(Next(Plan(2), outcome).TryNext, Is.False);
        var allowed = new FailoverSwitches(Ring: ringing, Sdp: sdp, Rtp: rtp, false, false);
        Assert.That(Next(Plan(2, allowed), outcome).TryNext, Is.True);
    }

    [Test]
    public void TimeoutsAndTransportFailuresFailOverWithTheirReason()
    {
        var timeout = new AttemptOutcome { End = AttemptEnd.Timeout, TimeoutReason = EndReason.TryingTimeout, EndedAt = Start };
        Assert.That(Next(Plan(2), timeout).TryNext, Is.True);
        Assert.That(Next(Plan(1), timeout).Reason, Is.EqualTo(EndReason.TryingTimeout), "the last attempt's reason ends the call");
        var transport = new AttemptOutcome { End = AttemptEnd.TransportFailure, EndedAt = Start };
        Assert.That(Next(Plan(1), transport).Reason, Is.EqualTo(EndReason.TransportFailure));
    }

    [Test]
    public void TheCapAndTheDeadlineEndFailover()
    {
        var plan = Plan(4, maxAttempts: 2);
        Assert.That(Next(plan, AttemptOutcome.Final(503, Start), 0).TryNext, Is.True);
        var capped = Next(plan, AttemptOutcome.Final(502, Start), 1);
        Assert.That((capped.TryNext, capped.Reason), Is.EqualTo((false, EndReason.CalleeServerError)));
        Assert.That(capped.Why, Does.Contain("maxAttempts"));

        var late = Next(Plan(3), AttemptOutcome.Final(503, Start.AddSeconds(60)));
        Assert.That((late.TryNext, late.Reason), Is.EqualTo((false, EndReason.SetupDeadlineReached)));
    }

    [Test]
    public void ACancelledCallerEndsAndANotSentAttemptMovesOn()
    {
        var cancelled = new AttemptOutcome { End = AttemptEnd.CallerCancelled, EndedAt = Start };
        Assert.That(Next(Plan(2), cancelled).Reason, Is.EqualTo(EndReason.CallerCancelled));
        Assert.That(Next(Plan(2), cancelled).TryNext, Is.False);
        var notSent = new AttemptOutcome { End = AttemptEnd.NotSent, SawRinging = true, EndedAt = Start };
        Assert.That(Next(Plan(2), notSent).TryNext, Is.True, "nothing happened on the wire");
        Assert.That(Next(Plan(1), notSent).Reason, Is.EqualTo(EndReason.NoRoute));
    }

    [Test]
    public void RoutingOptionsRefuseNonErrorCodes()
    {
        var failures = new List<string>();
        new RoutingOptions { SwitchErrorCodes = [200, 486, 700] }.Validate(failures);
        Assert.That(failures, Has.Count.EqualTo(2));
        Assert.That(failures[0], Does.StartWith("routing.switchErrorCodes: 200"));
    }
}
