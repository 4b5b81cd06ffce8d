using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>Leg A, where the switch is the UAS: reliable provisionals toward the caller, its PRACKs, and the held 2xx (RFC 3262 §3).</summary>
public class CallerReliableProvisionalTests : B2buaFixture
{
    private async Task<SipResponse> ReliableEarlyMediaAsync(string? supported = "100rel", string? require = null)
    {
        await CallAsync(supported, require);
        Feed(CalleeResponse(183, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(183, CallerAddress).Count == 1, "the 183 to the caller");
        return Transport.Responses(183, CallerAddress).Single();
    }

    [Test]
    public async Task ACallerThatSupports100relGetsTheProvisionalReliably()
    {
        var provisional = await ReliableEarlyMediaAsync();
        Assert.Multiple(() =>
        {
            Assert.That(provisional.Headers.Get(HeaderKind.Require), Is.EqualTo("100rel"));
            Assert.That(uint.TryParse(provisional.Headers.Get("RSeq"), out uint rseq) && rseq is >= 1 and < 1u << 31, Is.True,
                "RSeq between 1 and 2**31-1");
            Assert.That(provisional.Body.IsEmpty, Is.False, "early media SDP");
        });
    }

    [Test]
    public async Task TheReliableProvisionalIsRetransmittedFromT1DoublingWithoutCapUntilPrack()
    {
        var provisional = await ReliableEarlyMediaAsync();
        var start = Time.GetUtcNow();
        // T1 = 500 ms, doubling: 0.5, 1, 2, 4, 8 s (no T2 cap, RFC 3262 §3) -> sent again at 0.5, 1.5, 3.5, 7.5, 15.5 s.
        foreach (int due in new[] { 500, 1500, 3500, 7500, 15500 })
        {
            int before = Transport.Responses(183, CallerAddress).Count;
            Advance(start + TimeSpan.FromMilliseconds(due - 10) - Time.GetUtcNow());
            await BarrierAsync();
            Assert.That(Transport.Responses(183, CallerAddress), Has.Count.EqualTo(before), $"nothing before {due} ms");
            Advance(TimeSpan.FromMilliseconds(20));
            await WaitForAsync(() => Transport.Responses(183, CallerAddress).Count == before + 1, $"the retransmission at {due} ms");
        }
        Assert.That(Transport.Responses(183, CallerAddress).Select(r => r.Headers.Get("RSeq")).Distinct().Single(),
            Is.EqualTo(provisional.Headers.Get("RSeq")), "a retransmission keeps its RSeq");

        Feed(CallerPrack(provisional, 3));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Prack).Count == 1, "200 to the PRACK");
        int sent = Transport.Responses(183, CallerAddress).Count;
        Advance(TimeSpan.FromSeconds(20));
        await BarrierAsync();
        Assert.That(Transport.Responses(183, CallerAddress), Has.Count.EqualTo(sent), "no retransmission after the PRACK");
    }

    [Test]
    public async Task APrackMustNameTheUnacknowledgedProvisional()
    {
        var provisional = await ReliableEarlyMediaAsync();
        uint rseq = uint.Parse(provisional.Headers.Get("RSeq")!, System.Globalization.CultureInfo.InvariantCulture);
        Feed(CallerPrack(provisional, 3, $"{rseq + 1} 2 INVITE"));
        Feed(CallerPrack(provisional, 4, $"{rseq} 1 INVITE"));
        Feed(CallerPrack(provisional, 5, $"{rseq} 2 BYE"));
        Feed(CallerPrack(provisional, 6, "not a rack"));
        Feed(CallerPrack(provisional, 7));
        Feed(CallerPrack(provisional, 8));
        await WaitForAsync(() => Transport.Sent().Count(s => s.Message is SipResponse { CSeq.Method: SipMethod.Prack }) == 6, "six PRACK answers");
        var answers = Transport.Sent().Select(s => s.Message).OfType<SipResponse>().Where(r => r.CSeq.Method == SipMethod.Prack)
            .OrderBy(r => r.CSeq.Number).Select(r => r.StatusCode);
        Assert.That(answers, Is.EqualTo(new[] { 481, 481, 481, 400, 200, 481 }),
            "wrong RSeq, CSeq number or method: 481; malformed: 400; right: 200; already acknowledged: 481");
    }

    [Test]
    public async Task ThePrackOfAnotherSideOrAfterTheEndGets481()
    {
        var provisional = await ReliableEarlyMediaAsync();
        var cancel = CallerRequest(SipMethod.Cancel, 2, null);
        cancel.Headers.Set(HeaderKind.Via, Transport.Responses(183, CallerAddress).Single().Headers.Get(HeaderKind.Via)!);
        Feed(cancel);
        await WaitForAsync(() => Transport.Responses(487, CallerAddress).Count == 1, "487 to the INVITE");
        Feed(CallerPrack(provisional, 3));
        await WaitForAsync(() => Transport.Responses(481, CallerAddress, SipMethod.Prack).Count == 1, "481 to the late PRACK");
    }

    [Test]
    public async Task TheTwoHundredWaitsForThePrackOfAProvisionalWithSdp()
    {
        var provisional = await ReliableEarlyMediaAsync();
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Requests(SipMethod.Ack, CalleeAddress).Count == 1, "the ACK to the callee");
        await BarrierAsync();
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Invite), Is.Empty, "RFC 3262 §3: no 2xx before the PRACK");

        Feed(CallerPrack(provisional, 3));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the 200 once PRACKed");
        var sent = Transport.Sent().Where(s => s.Message is SipResponse r && r.StatusCode == 200).Select(s => ((SipResponse)s.Message).CSeq.Method);
        Assert.That(sent, Is.EqualTo(new[] { SipMethod.Prack, SipMethod.Invite }), "the PRACK is answered first");
        Assert.That(Switch.ActiveCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task ACancelWhileTheTwoHundredIsHeldSendsByeToTheAnsweredCallee()
    {
        var provisional = await ReliableEarlyMediaAsync();
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Requests(SipMethod.Ack, CalleeAddress).Count == 1, "the ACK to the callee");
        var cancel = CallerRequest(SipMethod.Cancel, 2, null);
        cancel.Headers.Set(HeaderKind.Via, provisional.Headers.Get(HeaderKind.Via)!);
        Feed(cancel);
        await WaitForAsync(() => Transport.Responses(487, CallerAddress).Count == 1, "487 to the INVITE");
        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CalleeAddress).Count == 1, "BYE to the callee that had answered");
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Invite), Is.Empty);
        Assert.That(Transport.Requests(SipMethod.Cancel, CalleeAddress), Is.Empty, "an answered leg is not cancelled");
    }

    [Test]
    public async Task ACalleeByeWhileTheTwoHundredIsHeldFailsTheCall()
    {
        await ReliableEarlyMediaAsync();
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Requests(SipMethod.Ack, CalleeAddress).Count == 1, "the ACK to the callee");
        var leg = LegInvite;
        var bye = new SipRequest(SipMethod.Bye, SipUri.Parse("sip:1001@192.0.2.1:5060"));
        bye.Headers.Add(HeaderKind.Via, "SIP/2.0/UDP 198.51.100.20:5070;branch=z9hG4bKcalleebye");
        bye.Headers.Add(HeaderKind.From, $"<sip:1002@198.51.100.20>;tag={CalleeTag}");
        bye.Headers.Add(HeaderKind.To, leg.Headers.Get(HeaderKind.From)!);
        bye.Headers.Add(HeaderKind.CallId, leg.CallId);
        bye.Headers.Add(HeaderKind.CSeq, "50 BYE");
        bye.Source = new SipEndPoint(SipTransportKind.Udp, CalleeAddress);
        Feed(bye);
        await WaitForAsync(() => Transport.Responses(480, CallerAddress).Count == 1, "480 to the caller");
        await WaitForAsync(() => Switch.ActiveCalls == 0, "the call to end");
        Assert.That(Transport.Responses(200, CallerAddress, SipMethod.Invite), Is.Empty);
    }

    [Test]
    public async Task ASecondProvisionalWaitsForThePrackOfTheFirst()
    {
        await CallAsync(supported: "100rel");
        Feed(CalleeResponse(180));
        Feed(CalleeResponse(183, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(180, CallerAddress).Count == 1, "the 180");
        await BarrierAsync();
        Assert.That(Transport.Responses(183, CallerAddress), Is.Empty, "RFC 3262 §3: one unacknowledged reliable provisional at a time");

        var ringing = Transport.Responses(180, CallerAddress).Single();
        Feed(CallerPrack(ringing, 3));
        await WaitForAsync(() => Transport.Responses(183, CallerAddress).Count == 1, "the 183 after the PRACK");
        uint first = uint.Parse(ringing.Headers.Get("RSeq")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Transport.Responses(183, CallerAddress).Single().Headers.Get("RSeq"), Is.EqualTo((first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task NoPrackWithin64T1FailsTheCallWith504AndCancelsTheCallee()
    {
        await ReliableEarlyMediaAsync(supported: null, require: "100rel");
        var start = Time.GetUtcNow();
        // Each retransmission is scheduled from the call's mailbox: let it run between steps.
        while (Time.GetUtcNow() - start < Timers.SixtyFourT1 - TimeSpan.FromMilliseconds(500))
        {
            Advance(TimeSpan.FromMilliseconds(250));
            await BarrierAsync();
        }
        Assert.That(Transport.Responses(504, CallerAddress), Is.Empty, "not before 64*T1");
        Assert.That(Transport.Responses(183, CallerAddress), Has.Count.EqualTo(7), "sent at 0 and again at 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s");
        Advance(TimeSpan.FromMilliseconds(1000));
        await WaitForAsync(() => Transport.Responses(504, CallerAddress).Count == 1, "504 to the INVITE");
        await WaitForAsync(() => Transport.Requests(SipMethod.Cancel, CalleeAddress).Count == 1, "CANCEL to the callee");
        await WaitForAsync(() => Switch.ActiveCalls == 0, "the call to end");
    }

    [Test]
    public async Task ARequiredLateOfferGetsReliableProvisionalsWithoutSdp()
    {
        await CallAsync(require: "100rel", offer: false);
        Feed(CalleeResponse(183, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(183, CallerAddress).Count == 1, "the 183");
        var provisional = Transport.Responses(183, CallerAddress).Single();
        Assert.That(provisional.Headers.Get(HeaderKind.Require), Is.EqualTo("100rel"));
        Assert.That(provisional.Body.IsEmpty, Is.True, "SDP in a reliable 183 would be an offer (RFC 3262 §5)");
        Assert.That(provisional.Headers.Get(HeaderKind.ContentType), Is.Null);
    }

    [Test]
    public async Task UpdateInTheEarlyDialogIsRelayedBothWays()
    {
        var provisional = await ReliableEarlyMediaAsync();
        Feed(CallerPrack(provisional, 3));
        var update = CallerRequest(SipMethod.Update, 4, provisional.To.Tag, sdp: Sdp);
        Feed(update);
        await WaitForAsync(() => Transport.Requests(SipMethod.Update, CalleeAddress).Count == 1, "the UPDATE on leg B");
        var forwarded = Transport.Requests(SipMethod.Update, CalleeAddress).Single();
        Assert.That(forwarded.RequestUri.ToString(), Is.EqualTo("sip:1002@198.51.100.20:5071"), "the early dialog's remote target");
        Assert.That(forwarded.To.Tag, Is.EqualTo(CalleeTag));

        var ok = SipResponseFactory.Create(forwarded, 200);
        ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
        ok.Body = System.Text.Encoding.ASCII.GetBytes(Sdp);
        ok.Source = new SipEndPoint(SipTransportKind.Udp, CalleeAddress);
        Feed(ok);
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Update).Count == 1, "200 to the caller's UPDATE");
    }

    [Test]
    public async Task UpdateBeforeAnyEarlyDialogGets481()
    {
        await CallAsync(supported: "100rel");
        string tag = Transport.Responses(407, CallerAddress).Single().To.Tag!;
        Feed(CallerRequest(SipMethod.Update, 3, tag, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(481, CallerAddress, SipMethod.Update).Count == 1, "481 to the UPDATE");
    }

    [Test]
    public async Task EarlyMediaInAReliable183IsRewrittenToTheRelay()
    {
        DisposeSwitch();
        CallOptions.RelayMedia = true;
        BuildSwitch();
        var provisional = await ReliableEarlyMediaAsync();
        string sdp = System.Text.Encoding.ASCII.GetString(provisional.Body.Span);
        Assert.That(sdp, Does.Contain("c=IN IP4 127.0.0.1"), "the relay's address");
        Assert.That(sdp, Does.Not.Contain("198.51.100.99").And.Not.Contain("m=audio 40000"), "not the callee's media address");
    }
}
