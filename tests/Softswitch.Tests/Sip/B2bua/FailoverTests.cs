using Softswitch.Core.Routing;
using System.Net;
using Softswitch.Core.Calls;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// Attempts one after the other on the socket-free harness: the first attempt goes to phone 1002 as usual, the
/// second (from the attempt source, as a routing plan would give it) to a gateway at <see cref="Gateway2"/>.
/// </summary>
public class FailoverTests : B2buaFixture
{
    private static readonly IPEndPoint Gateway2 = new(IPAddress.Parse("198.51.100.30"), 5080);

    private static CallAttempt ToGateway2() => new()
    {
        Targets = [(SipUri.Parse("sip:5551002@198.51.100.30:5080"), new SipEndPoint(SipTransportKind.Udp, Gateway2))],
        Gateway = "gw-2",
        To = new NameAddress { Uri = SipUri.Parse("sip:5551002@192.0.2.1") },
    };

    private ScriptedAttempts FailOverOnce()
    {
        var source = new ScriptedAttempts(ToGateway2());
        Attempts = () => source;
        return source;
    }

    private async Task<SipRequest> SecondInviteAsync()
    {
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, Gateway2).Count == 1, "the second attempt's INVITE");
        return Transport.Requests(SipMethod.Invite, Gateway2).Single();
    }

    private Call Record => Switch.Calls.Single().Record;

    [Test]
    public async Task A503FailsOverToTheNextAttemptWhichConnects()
    {
        var source = FailOverOnce();
        await CallAsync();
        var first = LegInvite;
        Feed(CalleeResponse(503));
        var second = await SecondInviteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.RequestUri.ToString(), Is.EqualTo("sip:5551002@198.51.100.30:5080"));
            Assert.That(second.To.Uri.User, Is.EqualTo("5551002"), "the attempt's numbers");
            Assert.That(second.CallId, Is.Not.EqualTo(first.CallId), "a new dialog");
            Assert.That(second.Body.ToArray(), Is.EqualTo(first.Body.ToArray()), "the same offer");
            var outcome = source.Outcomes().Single();
            Assert.That(outcome.Attempt, Is.EqualTo(1));
            Assert.That(outcome.End, Is.EqualTo(AttemptEnd.FinalResponse));
            Assert.That(outcome.Status, Is.EqualTo(503));
            Assert.That(outcome.Reason, Is.EqualTo(EndReason.CalleeServerError));
            Assert.That(outcome.SawRinging || outcome.SawSdp, Is.False);
            Assert.That(outcome.Gateway, Is.Null, "the first attempt went to a phone");
        });

        Feed(CalleeResponse(180, tag: "gw2-tag", invite: second));
        Feed(CalleeResponse(200, sdp: Sdp, tag: "gw2-tag", contact: "<sip:5551002@198.51.100.30:5080>", invite: second));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        await WaitForAsync(() => Transport.Requests(SipMethod.Ack, Gateway2).Count == 1, "the ACK to the gateway");
        var snapshot = Record.Snapshot;
        Assert.Multiple(() =>
        {
            Assert.That(Transport.Responses(503, CallerAddress), Is.Empty, "the caller never sees the failed attempt");
            Assert.That(Transport.Responses(180, CallerAddress), Has.Count.EqualTo(1));
            Assert.That(snapshot.State, Is.EqualTo(CallState.Connected));
            Assert.That(snapshot.History.Select(h => h.Trigger), Is.EqualTo(new CallTrigger?[]
                { null, CallTrigger.InviteSent, CallTrigger.Rerouted, CallTrigger.RingingReceived, CallTrigger.Answered }));
            Assert.That(snapshot.CalleeIp, Is.EqualTo("198.51.100.30"));
            Assert.That(snapshot.CalleePort, Is.EqualTo(5080));
            Assert.That(snapshot.CalleeGateway, Is.EqualTo("gw-2"));
            Assert.That(snapshot.CalleeSipCallId, Is.EqualTo(second.CallId));
            Assert.That(snapshot.CalleeToGatewayE164, Is.EqualTo("5551002"));
        });

        string toTag = Transport.Responses(200, CallerAddress, SipMethod.Invite).Single().To.Tag!;
        Feed(CallerRequest(SipMethod.Bye, 3, toTag));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, Gateway2).Count == 1, "BYE to the gateway");
        var cdr = await CdrAsync();
        Assert.Multiple(() =>
        {
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CallerHangup));
            Assert.That(cdr.CalleeGateway, Is.EqualTo("gw-2"));
            Assert.That(cdr.CalleeIp, Is.EqualTo("198.51.100.30"));
            Assert.That(cdr.CalleeToGatewayE164, Is.EqualTo("5551002"));
            Assert.That(Transport.Requests(SipMethod.Bye, CalleeAddress), Is.Empty, "the failed attempt had no dialog to end");
        });
    }

    [Test]
    public async Task WithoutANextAttemptTheCallerGetsTheAttemptsStatus()
    {
        await CallAsync();
        Feed(CalleeResponse(486));
        await WaitForAsync(() => Transport.Responses(486, CallerAddress).Count == 1, "486 to the caller");
        var cdr = await CdrAsync();
        Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CalleeBusy));
        Assert.That(Transport.Requests(SipMethod.Invite, Gateway2), Is.Empty);
    }

    [Test]
    public async Task TheLastAttemptsFailureIsWhatTheCallerGets()
    {
        var source = FailOverOnce();
        await CallAsync();
        Feed(CalleeResponse(503));
        var second = await SecondInviteAsync();
        Feed(CalleeResponse(183, sdp: Sdp, tag: "gw2-tag", invite: second));
        Feed(CalleeResponse(486, tag: "gw2-tag", invite: second));
        await WaitForAsync(() => Transport.Responses(486, CallerAddress).Count == 1, "486 to the caller");
        var cdr = await CdrAsync();
        var outcomes = source.Outcomes();
        Assert.Multiple(() =>
        {
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CalleeBusy));
            Assert.That(cdr.CalleeGateway, Is.EqualTo("gw-2"));
            Assert.That(outcomes.Select(o => (o.Attempt, o.Status)), Is.EqualTo(new[] { (1, 503), (2, 486) }));
            Assert.That(outcomes[1].Gateway, Is.EqualTo("gw-2"));
            Assert.That((outcomes[1].SawSdp, outcomes[1].SawRinging), Is.EqualTo((true, false)), "the 183 with SDP is in the outcome; a 183 is not ringing");
        });
    }

    [Test]
    public async Task ACancelDuringTheSecondAttemptCancelsItsLegOnly()
    {
        FailOverOnce();
        var invite = await CallAsync();
        Feed(CalleeResponse(503));
        var second = await SecondInviteAsync();
        Feed(CalleeResponse(180, tag: "gw2-tag", invite: second));
        await WaitForAsync(() => Transport.Responses(180, CallerAddress).Count == 1, "the relayed 180");

        Feed(CallerCancel(invite));
        await WaitForAsync(() => Transport.Responses(487, CallerAddress, SipMethod.Invite).Count == 1, "487 to the caller");
        await WaitForAsync(() => Transport.Requests(SipMethod.Cancel, Gateway2).Count == 1, "CANCEL to the gateway");
        var cdr = await CdrAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Transport.Requests(SipMethod.Cancel, CalleeAddress), Is.Empty, "the failed attempt is over already");
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CallerCancelled));
            Assert.That(cdr.CalleeGateway, Is.EqualTo("gw-2"));
            Assert.That(Switch.ActiveCalls, Is.Zero);
        });
    }

    [Test]
    public async Task TheSetupTimerFailsAnAttemptOverAndStartsAgainForTheNext()
    {
        var source = FailOverOnce();
        await CallAsync();
        Feed(CalleeResponse(100));
        await BarrierAsync();
        Advance(TimeSpan.FromSeconds(CallOptions.TimeoutTryingSeconds));
        var second = await SecondInviteAsync();
        await WaitForAsync(() => Transport.Requests(SipMethod.Cancel, CalleeAddress).Count == 1, "CANCEL to the first attempt");
        var outcome = source.Outcomes().Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.End, Is.EqualTo(AttemptEnd.Timeout));
            Assert.That(outcome.Reason, Is.EqualTo(EndReason.TryingTimeout));
            Assert.That(outcome.Duration, Is.EqualTo(TimeSpan.FromSeconds(CallOptions.TimeoutTryingSeconds)).Within(TimeSpan.FromMilliseconds(50)));
            Assert.That(Transport.Responses(480, CallerAddress), Is.Empty, "the caller waits for the next attempt");
        });

        // The second attempt has its own timer, from its INVITE, at the first stage (timeoutInviteSeconds).
        var due = Transport.Sent().Single(s => s.Message == second).At + TimeSpan.FromSeconds(CallOptions.TimeoutInviteSeconds);
        Advance(due - Time.GetUtcNow() - TimeSpan.FromMilliseconds(100));
        await BarrierAsync();
        Assert.That(Transport.Responses(408, CallerAddress), Is.Empty, "not before timeoutInviteSeconds from the second INVITE");
        Advance(TimeSpan.FromMilliseconds(200));
        await WaitForAsync(() => Transport.Responses(408, CallerAddress, SipMethod.Invite).Count == 1, "408 to the caller");
        var cdr = await CdrAsync();
        Assert.Multiple(() =>
        {
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.InviteTimeout));
            Assert.That(cdr.CalleeGateway, Is.EqualTo("gw-2"));
            Assert.That(source.Outcomes().Select(o => o.End), Is.EqualTo(new[] { AttemptEnd.Timeout, AttemptEnd.Timeout }));
        });
    }

    [Test]
    public async Task AnAnswerFromTheGivenUpAttemptIsAckedAndHungUp()
    {
        FailOverOnce();
        await CallAsync();
        Feed(CalleeResponse(180));
        await BarrierAsync();
        Advance(TimeSpan.FromSeconds(CallOptions.TimeoutRingingSeconds));
        await SecondInviteAsync();
        await WaitForAsync(() => Transport.Requests(SipMethod.Cancel, CalleeAddress).Count == 1, "CANCEL to the first attempt");

        // The phone answered as the CANCEL crossed: its dialog is unwanted.
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the late answer");
        Assert.That(Transport.Requests(SipMethod.Ack, CalleeAddress), Has.Count.EqualTo(1));
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Invite), Is.Empty, "the caller waits for the second attempt");
    }
}
