using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>Leg B, where the switch is the UAC: what it offers, and its PRACKs (RFC 3262 §4).</summary>
public class CalleeReliableProvisionalTests : B2buaFixture
{
    [Test]
    public async Task LegBOffers100relItselfNotTheCallersList()
    {
        await CallAsync(supported: "replaces, norefersub");
        string? supported = LegInvite.Headers.Get(HeaderKind.Supported);
        Assert.That(supported, Is.EqualTo("100rel"), "the switch's own capability, none of the caller's tags");
    }

    [Test]
    public async Task LegBOffersTimerOnlyWhenTheCallerNegotiatesSessionTimers()
    {
        await CallAsync(supported: "timer, 100rel");
        Assert.That(LegInvite.Headers.Get(HeaderKind.Supported), Is.EqualTo("100rel, timer"));
    }

    [Test]
    public async Task ALateOfferIsNotOffered100rel()
    {
        // A reliable 18x could then carry the offer, whose answer would have to go in the PRACK (RFC 3262 §5).
        await CallAsync(supported: "100rel", offer: false);
        Assert.That(OptionTags.Has(LegInvite.Headers, HeaderKind.Supported, "100rel"), Is.False);
    }

    [Test]
    public async Task AReliableProvisionalIsPrackedInItsEarlyDialog()
    {
        await CallAsync();
        var provisional = CalleeResponse(183, rseq: 7, sdp: Sdp);
        provisional.Headers.Add(HeaderKind.RecordRoute, "<sip:proxy2.example;lr>");
        provisional.Headers.Add(HeaderKind.RecordRoute, "<sip:proxy1.example;lr>");
        Feed(provisional);
        await WaitForAsync(() => Transport.Requests(SipMethod.Prack, CalleeAddress).Count == 1, "the PRACK");

        var prack = Transport.Requests(SipMethod.Prack, CalleeAddress).Single();
        var invite = LegInvite;
        Assert.Multiple(() =>
        {
            Assert.That(prack.Headers.Get("RAck"), Is.EqualTo($"7 {invite.CSeq.Number} INVITE"), "RAck: RSeq, CSeq number, method");
            Assert.That(prack.RequestUri.ToString(), Is.EqualTo("sip:1002@198.51.100.20:5071"), "remote target from the 183's Contact");
            Assert.That(prack.Headers.GetAll(HeaderKind.Route), Is.EqualTo(new[] { "<sip:proxy1.example;lr>", "<sip:proxy2.example;lr>" }),
                "route set: Record-Route reversed (RFC 3261 §12.1.2)");
            Assert.That(prack.CSeq.Number, Is.EqualTo(invite.CSeq.Number + 1), "next CSeq in the dialog");
            Assert.That(prack.CallId, Is.EqualTo(invite.CallId));
            Assert.That(prack.To.Tag, Is.EqualTo(CalleeTag));
            Assert.That(prack.From.Tag, Is.EqualTo(invite.From.Tag));
        });
    }

    [Test]
    public async Task ARetransmissionIsNeitherPrackedNorRelayedAgain()
    {
        await CallAsync();
        Feed(CalleeResponse(183, rseq: 7, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(183, CallerAddress).Count == 1, "the relayed 183");
        Feed(CalleeResponse(183, rseq: 7, sdp: Sdp));
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Prack, CalleeAddress), Has.Count.EqualTo(1), "RFC 3262 §4: no PRACK for a retransmission");
        Assert.That(Transport.Responses(183, CallerAddress), Has.Count.EqualTo(1), "not processed further");
    }

    [Test]
    public async Task AnOutOfOrderProvisionalIsDroppedAndTheNextInOrderOneIsPracked()
    {
        await CallAsync();
        Feed(CalleeResponse(180, rseq: 7));
        Feed(CalleeResponse(183, rseq: 9, sdp: Sdp));
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Prack, CalleeAddress).Select(p => p.Headers.Get("RAck")), Is.EqualTo(new[] { "7 1 INVITE" }));
        Assert.That(Transport.Responses(183, CallerAddress), Is.Empty, "the out-of-order 183 is not relayed");

        Feed(CalleeResponse(183, rseq: 8, sdp: Sdp));
        await WaitForAsync(() => Transport.Requests(SipMethod.Prack, CalleeAddress).Count == 2, "the second PRACK");
        Assert.That(Transport.Requests(SipMethod.Prack, CalleeAddress)[1].Headers.Get("RAck"), Is.EqualTo("8 1 INVITE"));
        Assert.That(Transport.Requests(SipMethod.Prack, CalleeAddress)[1].CSeq.Number, Is.EqualTo(3u));
    }

    [TestCase(null, TestName = "ReliableWithoutRSeqIsDropped")]
    [TestCase("abc", TestName = "ReliableWithNonNumericRSeqIsDropped")]
    [TestCase("99999999999", TestName = "ReliableWithRSeqOver32BitsIsDropped")]
    public async Task AReliableProvisionalWithABadRSeqIsDropped(string? rseq)
    {
        await CallAsync();
        var provisional = CalleeResponse(183, sdp: Sdp);
        provisional.Headers.Add(HeaderKind.Require, "100rel");
        if (rseq is not null)
        {
            provisional.Headers.Add("RSeq", rseq);
        }
        Feed(provisional);
        await BarrierAsync();
        Assert.That(Transport.Requests(SipMethod.Prack, CalleeAddress), Is.Empty);
        Assert.That(Transport.Responses(183, CallerAddress), Is.Empty);
    }

    [Test]
    public async Task ACallerWithout100relGetsAnOrdinary183AndTheSwitchPracksTheCallee()
    {
        await CallAsync();
        Feed(CalleeResponse(183, rseq: 1, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(183, CallerAddress).Count == 1, "the relayed 183");
        var relayed = Transport.Responses(183, CallerAddress).Single();
        Assert.Multiple(() =>
        {
            Assert.That(relayed.Headers.Get(HeaderKind.Require), Is.Null, "no Require: the caller does not support 100rel");
            Assert.That(relayed.Headers.Get("RSeq"), Is.Null);
            Assert.That(relayed.Body.IsEmpty, Is.False, "early media SDP still relayed");
            Assert.That(Transport.Requests(SipMethod.Prack, CalleeAddress), Has.Count.EqualTo(1));
        });
        // No retransmission toward a caller that does not support 100rel.
        Advance(TimeSpan.FromSeconds(2));
        await BarrierAsync();
        Assert.That(Transport.Responses(183, CallerAddress), Has.Count.EqualTo(1));
    }
}
