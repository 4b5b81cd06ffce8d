using System.Net;
using Softswitch.Core.Calls;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// Issue 12, "Dialogs": in-dialog requests are accepted only from the leg's known peer (calls.inDialogSourceCheck).
/// A BYE, re-INVITE or ACK with the right dialog identifiers from a third address gets 481 (an ACK is dropped) and
/// changes nothing: not the state, not the CSeq, nothing relayed.
/// </summary>
public class InDialogSourceTests : B2buaFixture
{
    private static readonly IPAddress StrangerIp = IPAddress.Parse("203.0.113.66");

    /// <summary>Responses the switch sent to <paramref name="ip"/> (any port) with this status and CSeq method.</summary>
    private List<SipResponse> ResponsesTo(IPAddress ip, int status, SipMethod method) =>
        Transport.Sent().Where(s => s.Destination.EndPoint.Address.Equals(ip)).Select(s => s.Message).OfType<SipResponse>()
            .Where(r => r.StatusCode == status && r.CSeq.Method == method).ToList();

    private static T From<T>(T request, IPAddress ip, int port)
        where T : SipMessage
    {
        request.Source = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(ip, port));
        return request;
    }

    private void Rebuild(InDialogSourceCheck check)
    {
        DisposeSwitch();
        CallOptions.InDialogSourceCheck = check;
        BuildSwitch();
    }

    [Test]
    public async Task AThirdPartyByeOnTheCallersDialogGets481AndTheCallStaysUp()
    {
        string toTag = await ConnectedAsync();
        Feed(From(CallerRequest(SipMethod.Bye, 3, toTag), StrangerIp, 5062));
        await WaitForAsync(() => ResponsesTo(StrangerIp, 481, SipMethod.Bye).Count == 1, "481 to the stranger");
        await BarrierAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Switch.Calls.Single().State, Is.EqualTo(BridgeState.Connected), "the call stays up");
            Assert.That(Transport.Requests(SipMethod.Bye, CalleeAddress), Is.Empty, "no BYE to the callee");
            Assert.That(Cdrs.Count, Is.Zero, "no CDR");
            Assert.That(ResponsesTo(StrangerIp, 200, SipMethod.Bye), Is.Empty);
            Assert.That(Switch.ForeignInDialogRequests, Is.EqualTo(1));
        });

        // The caller's own BYE, with the same CSeq: the refused one did not move the dialog's CSeq.
        Feed(CallerRequest(SipMethod.Bye, 3, toTag));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
        Assert.That((await CdrAsync()).EndReason, Is.EqualTo(EndReason.CallerHangup));
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Bye), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AThirdPartyByeOnTheCalleeLegGets481AndTheCalleesOwnByeWorks()
    {
        await ConnectedAsync();
        Feed(CalleeRequest(SipMethod.Bye, new IPEndPoint(StrangerIp, 5070)));
        await WaitForAsync(() => ResponsesTo(StrangerIp, 481, SipMethod.Bye).Count == 1, "481 to the stranger");
        await BarrierAsync();
        Assert.That(Switch.Calls.Single().State, Is.EqualTo(BridgeState.Connected));
        Assert.That(Transport.Requests(SipMethod.Bye, CallerAddress), Is.Empty, "no BYE to the caller");

        // From the address its INVITE went to, although its Contact names another port (:5071).
        Feed(CalleeRequest(SipMethod.Bye));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CallerAddress).Count == 1, "BYE to the caller");
        await WaitForAsync(() => Switch.ActiveCalls == 0, "the call to end");
    }

    [Test]
    public async Task AThirdPartyReInviteIsNotRelayed()
    {
        string toTag = await ConnectedAsync();
        Feed(From(CallerRequest(SipMethod.Invite, 3, toTag, sdp: Sdp.Replace("198.51.100.99", "203.0.113.66", StringComparison.Ordinal)), StrangerIp, 5062));
        await WaitForAsync(() => ResponsesTo(StrangerIp, 481, SipMethod.Invite).Count == 1, "481 to the stranger's re-INVITE");
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Invite, CalleeAddress), Has.Count.EqualTo(1), "only the first INVITE: nothing relayed");
    }

    [Test]
    public async Task AForgedAckDoesNotConfirmTheCall()
    {
        await CallAsync();
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        string toTag = Transport.Responses(200, CallerAddress, SipMethod.Invite).Single().To.Tag!;
        Feed(From(CallerRequest(SipMethod.Ack, 2, toTag), StrangerIp, 5062));
        await WaitForAsync(() => Switch.ForeignInDialogRequests == 1, "the forged ACK counted");
        Assert.That(Switch.Calls.Single().State, Is.EqualTo(BridgeState.Answered), "still waiting for the caller's own ACK");
        Feed(CallerRequest(SipMethod.Ack, 2, toTag));
        await WaitForAsync(() => Switch.Calls.Single().State == BridgeState.Connected, "the caller's ACK");
    }

    [Test]
    public async Task TheCalleesAnswerSourceIsAPeerToo()
    {
        // A trunk whose SBC answers from another address than the one the INVITE went to.
        var sbc = IPAddress.Parse("198.51.100.21");
        await CallAsync();
        Feed(From(CalleeResponse(200, sdp: Sdp), sbc, 5090));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        Feed(CalleeRequest(SipMethod.Bye, new IPEndPoint(sbc, 5090)));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CallerAddress).Count == 1, "BYE to the caller");
    }

    [Test]
    public async Task AddressModeAcceptsAnotherPortOfThePeer()
    {
        string toTag = await ConnectedAsync();
        Feed(From(CallerRequest(SipMethod.Bye, 3, toTag), CallerAddress.Address, 6000));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
    }

    [Test]
    public async Task StrictModeRefusesAnotherPortOfThePeer()
    {
        Rebuild(InDialogSourceCheck.Strict);
        string toTag = await ConnectedAsync();
        Feed(From(CallerRequest(SipMethod.Bye, 3, toTag), CallerAddress.Address, 6000));
        await WaitForAsync(() => Switch.ForeignInDialogRequests == 1, "the BYE refused");
        await BarrierAsync();
        Assert.That(Switch.Calls.Single().State, Is.EqualTo(BridgeState.Connected));
        Feed(CallerRequest(SipMethod.Bye, 3, toTag));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
    }

    [Test]
    public async Task OffAcceptsAnyAddress()
    {
        Rebuild(InDialogSourceCheck.Off);
        string toTag = await ConnectedAsync();
        Feed(From(CallerRequest(SipMethod.Bye, 3, toTag), StrangerIp, 5062));
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee");
        Assert.That(Switch.ForeignInDialogRequests, Is.Zero);
    }

    [TestCase("198.51.100.10", 5062, "UDP", "Strict", true)]
    [TestCase("198.51.100.10", 5063, "UDP", "Strict", false)]
    [TestCase("198.51.100.10", 5063, "UDP", "Address", true)]
    [TestCase("198.51.100.11", 5062, "UDP", "Address", false)]
    [TestCase("198.51.100.10", 40123, "TCP", "Strict", true)]
    [TestCase("::ffff:198.51.100.10", 5062, "UDP", "Strict", true)]
    public void PeerComparison(string ip, int port, string transport, string check, bool expected)
    {
        var known = new SipEndPoint(SipTransportKind.Udp, CallerAddress);
        var kind = transport == "TCP" ? SipTransportKind.Tcp : SipTransportKind.Udp;
        var source = new SipEndPoint(kind, new IPEndPoint(IPAddress.Parse(ip), port));
        Assert.That(B2buaCall.IsPeer(Enum.Parse<InDialogSourceCheck>(check), known, source), Is.EqualTo(expected));
    }
}
