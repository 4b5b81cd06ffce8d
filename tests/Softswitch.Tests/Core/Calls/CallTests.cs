using Softswitch.Core.Calls;

namespace Softswitch.Tests.Core.Calls;

public class CallTests
{
    private CallFixture _f = null!;

    [SetUp]
    public void SetUp() => _f = new CallFixture();

    [Test]
    public void KeepTimeIsTheStateCodeUntilConnectedThenConnectedMilliseconds()
    {
        var call = _f.Registry.Create(CallFixture.Setup());
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(-18));
        call.Fire(CallTrigger.InviteSent);
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(-7));
        call.Fire(CallTrigger.TryingReceived);
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(-8));
        call.Fire(CallTrigger.ProgressSdpReceived);
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(-10));
        call.Fire(CallTrigger.RingingReceived);
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(-11));
        _f.Time.Advance(TimeSpan.FromSeconds(3));
        call.Fire(CallTrigger.Answered);

        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.Zero);
        _f.Time.Advance(TimeSpan.FromMilliseconds(2500));
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(2500));
        // A reader whose clock reading predates the connect stamp never sees a negative duration.
        Assert.That(call.KeepTime(_f.Time.GetUtcNow().AddSeconds(-10)), Is.Zero);
        call.End(EndReason.CalleeHangup);
        Assert.That(call.KeepTime(_f.Time.GetUtcNow()), Is.EqualTo(-13));
    }

    [Test]
    public void EveryTransitionIsTimestampedAndReported()
    {
        var call = _f.Registry.Create(CallFixture.Setup());
        call.Fire(CallTrigger.InviteSent);
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        call.Fire(CallTrigger.RingingReceived);
        _f.Time.Advance(TimeSpan.FromSeconds(2));
        call.Fire(CallTrigger.Answered);
        _f.Time.Advance(TimeSpan.FromSeconds(60));
        call.End(EndReason.CallerHangup);

        var s = call.Snapshot;
        var t0 = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.That(s.History.Select(h => h.State), Is.EqualTo(new[]
        {
            CallState.Authorising, CallState.Invite, CallState.Ringing, CallState.Connected, CallState.Released,
        }));
        Assert.That(s.History.Select(h => h.At), Is.EqualTo(new[]
        {
            t0, t0, t0.AddSeconds(1), t0.AddSeconds(3), t0.AddSeconds(63),
        }));
        Assert.That(s.StartTime, Is.EqualTo(t0));
        Assert.That(s.ConnectTime, Is.EqualTo(t0.AddSeconds(3)));
        Assert.That(s.StopTime, Is.EqualTo(t0.AddSeconds(63)));
        Assert.That(s.EndReason, Is.EqualTo(EndReason.CallerHangup));
        Assert.That(s.EndDirection, Is.EqualTo(EndDirection.Caller));
        Assert.That(_f.Reports.Select(r => (int)r.CallState), Is.EqualTo(new[] { -18, -7, -11, -12, -13 }));
        var released = _f.Reports[^1];
        Assert.That(released.CallId, Is.EqualTo(call.CallId));
        Assert.That(released.CallIdentifier, Is.EqualTo("sip-1001-1002"));
        Assert.That(released.EventTime, Is.EqualTo(t0.AddSeconds(63)));
        Assert.That(released.EndReason, Is.EqualTo(EndReason.CallerHangup));
        Assert.That(released.PreviousState, Is.EqualTo(CallState.Connected));
    }

    [Test]
    public void EndTakesTheTableDirectionUnlessOneIsGiven()
    {
        var busy = _f.CallIn(CallState.Ringing);
        busy.End(EndReason.CalleeBusy);
        var managed = _f.CallIn(CallState.Connected);
        managed.End(EndReason.DisconnectedByManagement, EndDirection.Caller);

        Assert.That(busy.Snapshot.EndDirection, Is.EqualTo(EndDirection.Callee));
        Assert.That(managed.Snapshot.EndDirection, Is.EqualTo(EndDirection.Caller));
    }

    [Test]
    public void ASecondEndingIsRefusedAndKeepsTheFirstReason()
    {
        var call = _f.CallIn(CallState.Connected);
        Assert.That(call.End(EndReason.CalleeHangup), Is.True);
        Assert.That(call.End(EndReason.CallerHangup), Is.False);
        Assert.That(call.Snapshot.EndReason, Is.EqualTo(EndReason.CalleeHangup));
        Assert.That(_f.Refusals, Has.Count.EqualTo(1));
    }

    [Test]
    public void CalleeLegAndCodecsAreRecordedAndNullsKeepValues()
    {
        var call = _f.NewCall();
        call.SetCalleeLeg(new CalleeLeg { CalleeIp = "198.51.100.7", CalleePort = 5060, CalleeGateway = "gw1" });
        call.SetCalleeLeg(new CalleeLeg { CalleeSipCallId = "b-leg" });
        call.SetCodecs(callCodec: "PCMA", callerCodec: "PCMA,PCMU");
        call.SetCodecs(calleeCodec: "PCMA");
        call.SetMedia("192.0.2.10:4000", "198.51.100.7:30000");

        var s = call.Snapshot;
        Assert.That(s.CalleeIp, Is.EqualTo("198.51.100.7"));
        Assert.That(s.CalleeGateway, Is.EqualTo("gw1"));
        Assert.That(s.CalleeSipCallId, Is.EqualTo("b-leg"));
        Assert.That((s.CallCodec, s.CallerCodec, s.CalleeCodec), Is.EqualTo(("PCMA", "PCMA,PCMU", "PCMA")));
        Assert.That(s.CalleeRtpIp, Is.EqualTo("198.51.100.7:30000"));
        Assert.That(s.CalleeAccessE164, Is.EqualTo("1002"), "access number defaults to the dialled one");
    }

    [Test]
    public void RtpCountersComeFromTheAttachedSource()
    {
        var call = _f.NewCall();
        Assert.That(call.RtpFlow, Is.EqualTo(RtpFlowSnapshot.Empty));
        var flow = new RtpFlowSnapshot(new RtpFlow(10, 1720, 200_000), new RtpFlow(9, 1548, 180_000), default, default);
        call.AttachRtp(new FixedRtp(flow));
        Assert.That(call.RtpFlow, Is.EqualTo(flow));
    }

    [Test]
    public void ConcurrentReadersAlwaysSeeAConsistentSnapshot()
    {
        var call = _f.CallIn(CallState.Invite);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            int bad = 0;
            while (!stop.IsCancellationRequested)
            {
                var s = call.Snapshot;
                bad += s.History[^1].State == s.State ? 0 : 1;
                bad += s.State == CallState.Connected && s.ConnectTime is null ? 1 : 0;
            }
            return bad;
        });
        for (int i = 0; i < 20_000; i++)
        {
            call.Fire(i % 2 == 0 ? CallTrigger.RingingReceived : CallTrigger.ProgressSdpReceived);
        }
        call.Fire(CallTrigger.Answered);
        stop.Cancel();
        Assert.That(reader.Result, Is.Zero);
    }

    [Test]
    public void AThrowingSubscriberDoesNotBreakTheCall()
    {
        _f.Events.StateReported += _ => throw new InvalidOperationException("bad subscriber");
        var call = _f.NewCall();
        Assert.That(call.Fire(CallTrigger.InviteSent), Is.True);
        Assert.That(call.State, Is.EqualTo(CallState.Invite));
        Assert.That(_f.Events.HandlerFailures, Is.EqualTo(1));
        Assert.That(_f.Reports, Has.Count.EqualTo(1), "the other subscribers still ran");
    }

    private sealed class FixedRtp(RtpFlowSnapshot flow) : IRtpFlowSource
    {
        public RtpFlowSnapshot Snapshot() => flow;
    }
}
