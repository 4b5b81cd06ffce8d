using Softswitch.Core.Calls;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// A caller that never ACKs the 200 (issue 12, "Dead legs"): the 200 is retransmitted until 64*T1 after it was first
/// sent, then both legs get BYE (RFC 3261 §13.3.1.4), end reason AckTimeout, and the CDR bills nothing.
/// </summary>
public class AckTimeoutTests : B2buaFixture
{
    [Test]
    public async Task NoAckWithin64T1ByesBothLegsAtExactly64T1AndBillsNothing()
    {
        var invitedAt = Time.GetUtcNow();
        await CallAsync();
        var ringing = CalleeResponse(180);
        var ok = CalleeResponse(200, sdp: Sdp);
        Feed(ringing);
        await WaitForAsync(() => Transport.Responses(180, CallerAddress).Count == 1, "the 180");
        Advance(TimeSpan.FromSeconds(2));
        Feed(ok);
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        var answeredAt = Time.GetUtcNow();
        // Each retransmission is scheduled from the call's mailbox: let it run between steps.
        while (Time.GetUtcNow() - answeredAt < Timers.SixtyFourT1 - TimeSpan.FromMilliseconds(100))
        {
            Advance(TimeSpan.FromMilliseconds(100));
            await BarrierAsync();
        }
        Assert.That(Transport.Requests(SipMethod.Bye, CalleeAddress), Is.Empty, "not before 64*T1");
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Invite), Has.Count.EqualTo(11),
            "sent at 0, then at 0.5, 1.5, 3.5, 7.5, 11.5 … 31.5 s (T1 doubling to T2)");

        Advance(TimeSpan.FromMilliseconds(200));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CallerAddress).Count == 1, "BYE to the caller");
        var byeAt = Transport.Sent().First(s => s.Message is SipRequest { Method: SipMethod.Bye }).At;
        Assert.That(byeAt - answeredAt, Is.EqualTo(Timers.SixtyFourT1).Within(TimeSpan.FromMilliseconds(100)),
            "64*T1 after the 200, not at the next T2 step (35.5 s)");

        var cdr = await CdrAsync();
        Assert.Multiple(() =>
        {
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.AckTimeout));
            Assert.That(cdr.HoldTime, Is.Zero, "the caller never learnt the call was answered: no talk time");
            Assert.That(cdr.FeeTime, Is.Zero);
            Assert.That(cdr.Start, Is.EqualTo(invitedAt.ToUnixTimeMilliseconds()), "start at the INVITE's arrival, as for an unanswered call");
        });
    }

    [Test]
    public async Task OverTcpThe200IsNotRetransmittedButTheCallerIsGivenUpAt64T1Too()
    {
        Invite(transport: SipTransportKind.Tcp);
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, CalleeAddress).Count == 1, "leg B's INVITE");
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        var answeredAt = Time.GetUtcNow();
        Advance(Timers.SixtyFourT1 - TimeSpan.FromMilliseconds(100));
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Bye, CalleeAddress), Is.Empty, "not before 64*T1");
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Invite), Has.Count.EqualTo(1), "the connection delivers it: no retransmission");
        Advance(TimeSpan.FromMilliseconds(200));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
        var cdr = await CdrAsync();
        Assert.That(cdr.EndReason, Is.EqualTo(EndReason.AckTimeout));
        Assert.That(cdr.HoldTime, Is.Zero);
        Assert.That(Time.GetUtcNow() - answeredAt, Is.GreaterThanOrEqualTo(Timers.SixtyFourT1));
    }
}
