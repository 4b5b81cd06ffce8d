using System.Net;
using Softswitch.Core.Calls;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// Issue 12, "Dead legs": in-dialog OPTIONS keep-alives toward both legs of a connected call (calls.keepAliveSeconds,
/// 30 s by default). 408, 481 or no answer within 64*T1 make the leg dead: BYE both legs, its end reason, its CDR.
/// </summary>
public class KeepAliveTests : B2buaFixture
{
    /// <summary>The keep-alive OPTIONS sent to <paramref name="to"/>, one per CSeq (retransmissions folded).</summary>
    private List<SipRequest> Probes(IPEndPoint to) =>
        Transport.Requests(SipMethod.Options, to).GroupBy(r => r.CSeq.Number).Select(g => g.First()).ToList();

    private void Answer(SipRequest probe, int status, IPEndPoint from)
    {
        var response = SipResponseFactory.Create(probe, status);
        response.Source = new SipEndPoint(SipTransportKind.Udp, from);
        Feed(response);
    }

    private async Task<SipRequest> ProbeAsync(IPEndPoint to, int number)
    {
        await WaitForAsync(() => Probes(to).Count == number, $"keep-alive {number} to {to}");
        return Probes(to)[number - 1];
    }

    [Test]
    public async Task EachLegGetsOptionsInItsDialogEveryIntervalAndLiveAnswersKeepTheCallUp()
    {
        string toTag = await ConnectedAsync();
        Advance(TimeSpan.FromSeconds(29));
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Options, CallerAddress).Concat(Transport.Requests(SipMethod.Options, CalleeAddress)), Is.Empty,
            "not before keepAliveSeconds");
        Advance(TimeSpan.FromSeconds(1.1));
        var toCaller = await ProbeAsync(CallerAddress, 1);
        var toCallee = await ProbeAsync(CalleeAddress, 1);
        var leg = LegInvite;
        Assert.Multiple(() =>
        {
            Assert.That(toCaller.CallId, Is.EqualTo(CallerCallId), "in the caller's dialog");
            Assert.That(toCaller.From.Tag, Is.EqualTo(toTag));
            Assert.That(toCaller.To.Tag, Is.EqualTo(CallerTag));
            Assert.That(toCaller.RequestUri.ToString(), Is.EqualTo("sip:1001@198.51.100.10:5062"), "the caller's Contact");
            Assert.That(toCallee.CallId, Is.EqualTo(leg.CallId), "in the callee leg's dialog");
            Assert.That(toCallee.From.Tag, Is.EqualTo(leg.From.Tag));
            Assert.That(toCallee.To.Tag, Is.EqualTo(CalleeTag));
            Assert.That(toCallee.RequestUri.ToString(), Is.EqualTo("sip:1002@198.51.100.20:5071"), "the callee's Contact, sent to its registered source");
            Assert.That(toCallee.CSeq.Number, Is.GreaterThan(leg.CSeq.Number));
        });

        // 200 and 405 both come from the dialog's peer: alive (RFC 3261 §11.2: a UA that does not do OPTIONS still answers).
        Answer(toCaller, 200, CallerAddress);
        Answer(toCallee, 405, CalleeAddress);
        Advance(TimeSpan.FromSeconds(30));
        Answer(await ProbeAsync(CallerAddress, 2), 501, CallerAddress);
        Answer(await ProbeAsync(CalleeAddress, 2), 200, CalleeAddress);
        Advance(TimeSpan.FromSeconds(30));
        await ProbeAsync(CallerAddress, 3);
        await ProbeAsync(CalleeAddress, 3);
        Assert.That(Switch.Calls.Single().State, Is.EqualTo(BridgeState.Connected));
        Assert.That(Transport.Requests(SipMethod.Bye, CallerAddress), Is.Empty);
    }

    [Test]
    public async Task ACalleeThatAnswers481IsDeadAndTheCallEndsWithByeAndItsCdr()
    {
        await ConnectedAsync();
        Advance(TimeSpan.FromSeconds(30.1));
        Answer(await ProbeAsync(CallerAddress, 1), 200, CallerAddress);
        Answer(await ProbeAsync(CalleeAddress, 1), 481, CalleeAddress);
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CallerAddress).Count == 1, "BYE to the caller");
        var cdr = await CdrAsync();
        Assert.Multiple(() =>
        {
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CalleeKeepAliveFailed));
            Assert.That(cdr.EndDirection, Is.EqualTo(EndDirection.Callee));
            Assert.That(cdr.HoldTime, Is.EqualTo(31), "billed until the switch found the leg dead");
            Assert.That(Switch.ActiveCalls, Is.Zero);
        });
    }

    [Test]
    public async Task ACallerThatNeverAnswersIsDeadAfter64T1AndGetsNoSecondProbeMeanwhile()
    {
        await ConnectedAsync();
        Advance(TimeSpan.FromSeconds(30.1));
        var first = await ProbeAsync(CallerAddress, 1);
        Answer(await ProbeAsync(CalleeAddress, 1), 200, CalleeAddress);
        var sentAt = Transport.Sent().First(s => s.Message == first).At;
        // Retransmissions and the next keep-alive tick are scheduled from mailboxes: let them run between steps.
        while (Time.GetUtcNow() - sentAt < Timers.SixtyFourT1 - TimeSpan.FromMilliseconds(300))
        {
            Advance(TimeSpan.FromMilliseconds(250));
            await BarrierAsync();
        }
        Assert.That(Transport.Requests(SipMethod.Bye, CalleeAddress), Is.Empty, "not before timer F (64*T1)");
        Assert.That(Probes(CallerAddress), Is.EqualTo(new[] { first }), "no second OPTIONS while the first is outstanding");
        Assert.That(Transport.Requests(SipMethod.Options, CallerAddress), Has.Count.GreaterThan(1), "the first one retransmitted (timer E)");
        Answer(await ProbeAsync(CalleeAddress, 2), 200, CalleeAddress);

        Advance(TimeSpan.FromMilliseconds(500));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
        var cdr = await CdrAsync();
        Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CallerKeepAliveFailed));
        Assert.That(cdr.EndDirection, Is.EqualTo(EndDirection.Caller));
    }

    [Test]
    public async Task ZeroTurnsKeepAlivesOff()
    {
        DisposeSwitch();
        CallOptions.KeepAliveSeconds = 0;
        BuildSwitch();
        await ConnectedAsync();
        Advance(TimeSpan.FromSeconds(95));
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Options, CallerAddress).Concat(Transport.Requests(SipMethod.Options, CalleeAddress)), Is.Empty);
        Assert.That(Switch.Calls.Single().State, Is.EqualTo(BridgeState.Connected));
    }

    [Test]
    public void TheDefaultIsThirtySecondsAndANegativeIntervalIsRefusedNamingTheKey()
    {
        Assert.That(new B2buaOptions().KeepAliveSeconds, Is.EqualTo(30));
        var result = new B2buaOptionsValidator().Validate(null, new B2buaOptions { KeepAliveSeconds = -1 });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("calls.keepAliveSeconds"));
    }
}
