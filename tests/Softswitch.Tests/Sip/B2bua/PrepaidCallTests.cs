using Softswitch.Sip.B2bua;
using System.Net;
using Softswitch.Core.Billing;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// Billing's admission on the wire (docs/billing.md "Prepaid control"), on the socket-free harness with the real
/// router: a payer whose money lasts T seconds is cut by BYE on both legs before T, and its charge stays within its
/// money; a payer without money is refused before any INVITE goes out.
/// </summary>
public class PrepaidCallTests : B2buaFixture
{
    private static readonly IPEndPoint Carrier = new(IPAddress.Parse("198.51.100.40"), 5090);

    private void Prepaid(double money)
    {
        // The carrier here answers nothing after its 200: without this its keep-alive OPTIONS would end the call first.
        DisposeSwitch();
        CallOptions.KeepAliveSeconds = 0;
        BuildSwitch();
        Core.Customer("acme", feeRateGroup: "retail", money: money);
        Core.Rates("retail", ("9", 0.2m, FeeRateType.Local));
        Core.Routing("carrier", "9", g => g with { RemoteIp = Carrier.Address.ToString(), SignalPort = Carrier.Port, RewriteRulesInCallee = "9:" });
        Dialled = "95551234";
    }

    [Test]
    public async Task MoneyForFivePeriodsEndsTheAnsweredCallBeforeTheFifthRunsOut()
    {
        Prepaid(money: 1); // 1 / 0.2 per 60 s = 300 s; the cap is 299 s

        var callerInvite = Invite();
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, Carrier).Count == 1, "the INVITE to the carrier");
        var invite = Transport.Requests(SipMethod.Invite, Carrier)[0];
        var answer = SipResponseFactory.Create(invite, 200, toTag: "carrier-tag");
        answer.Headers.Add(HeaderKind.Contact, $"<sip:carrier@{Carrier}>");
        answer.Source = new SipEndPoint(SipTransportKind.Udp, Carrier);
        Feed(answer);
        await WaitForAsync(() => Transport.Responses(200, CallerAddress).Count > 0, "the 200 to the caller");
        Feed(CallerRequest(SipMethod.Ack, callerInvite.CSeq.Number, Transport.Responses(200, CallerAddress)[0].To.Tag));
        // The ACK runs on the call's mailbox: the clock must not move before it has (a caller that never ACKs is let go at 64*T1).
        await WaitForAsync(() => Switch.Calls.Single().State == BridgeState.Connected, "the caller's ACK");
        Advance(TimeSpan.FromSeconds(298));
        Assert.That(Transport.Requests(SipMethod.Bye, Carrier), Is.Empty);
        Advance(TimeSpan.FromSeconds(1.1));

        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, Carrier).Count == 1, "the BYE at the money cap");
        Assert.That(Transport.Requests(SipMethod.Bye, CallerAddress), Has.Count.EqualTo(1));
        var cdr = await CdrAsync();
        var rated = new CallBilling(Core.Rating, Core.Directory).Rate(cdr);
        Assert.That(cdr.EndDirection, Is.EqualTo(EndDirection.Server));
        Assert.That(rated.HoldTime, Is.InRange(240, 300), "cut within one period of T = 300 s");
        Assert.That((decimal)rated.Fee, Is.LessThanOrEqualTo(1m), "the charge never exceeds money + limitMoney");
    }

    [Test]
    public async Task NoMoneyIsRefusedWith402BeforeTheCarrierIsCalled()
    {
        Prepaid(money: 0);

        Invite();

        await WaitForAsync(() => Transport.Responses(402, CallerAddress).Count == 1, "the 402 to the caller");
        Assert.That(Transport.Requests(SipMethod.Invite, Carrier), Is.Empty);
        Assert.That((await CdrAsync()).EndReason, Is.EqualTo(EndReason.InsufficientBalance));
    }
}
