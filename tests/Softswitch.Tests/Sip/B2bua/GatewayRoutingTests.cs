using Softswitch.Sip.B2bua;
using System.Net;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// Trunk calls on the socket-free harness with the real router: calls in from a static mapping gateway (no digest),
/// out to routing gateways with their numbers and presentation, failover between them, a carrier's digest challenge,
/// the line limits counted over live calls, illegal callers, and the gateway statistics each attempt reports.
/// </summary>
public class GatewayRoutingTests : B2buaFixture
{
    private static readonly IPEndPoint CarrierA = new(IPAddress.Parse("198.51.100.40"), 5090);
    private static readonly IPEndPoint CarrierB = new(IPAddress.Parse("198.51.100.41"), 5091);

    private void Carriers(Func<RoutingGateway, RoutingGateway>? a = null, Func<RoutingGateway, RoutingGateway>? b = null)
    {
        Core.Routing("carrier-a", "9", g => (a ?? (x => x))(g with
        {
            RemoteIp = CarrierA.Address.ToString(), SignalPort = CarrierA.Port, Priority = 1, RewriteRulesInCallee = "9:",
        }));
        Core.Routing("carrier-b", "9", g => (b ?? (x => x))(g with
        {
            RemoteIp = CarrierB.Address.ToString(), SignalPort = CarrierB.Port, Priority = 2, RewriteRulesInCallee = "9:00",
        }));
    }

    private async Task<SipRequest> InviteAtAsync(IPEndPoint carrier, int count = 1)
    {
        for (int i = 0; i < 400 && Transport.Requests(SipMethod.Invite, carrier).Count < count; i++)
        {
            await Task.Delay(5);
        }
        Assert.That(Transport.Requests(SipMethod.Invite, carrier), Has.Count.AtLeast(count), () => "the INVITE to " + carrier + "; log: "
            + string.Join(" | ", Log.Entries().Select(e => e.Message)) + "; sent: " + string.Join(" | ", Transport.Sent().Select(m => m.Message.ToString()?.Split('\n')[0])));
        return Transport.Requests(SipMethod.Invite, carrier)[count - 1];
    }

    private static SipResponse Answer(SipRequest invite, int status, IPEndPoint from, string? extraHeader = null, string? value = null, string? sdp = null)
    {
        var response = SipResponseFactory.Create(invite, status, toTag: "carrier-tag");
        if (sdp is not null)
        {
            response.Headers.Add(HeaderKind.ContentType, "application/sdp");
            response.Body = System.Text.Encoding.ASCII.GetBytes(sdp);
        }
        response.Headers.Add(HeaderKind.Contact, $"<sip:carrier@{from}>");
        if (extraHeader is not null)
        {
            response.Headers.Add(extraHeader, value!);
        }
        response.Source = new SipEndPoint(SipTransportKind.Udp, from);
        return response;
    }

    private SipRequest TrunkInvite()
    {
        var invite = CallerRequest(SipMethod.Invite, 1, toTag: null, sdp: Sdp);
        Feed(invite);
        return invite;
    }

    [Test]
    public async Task AStaticMappingGatewayCallsInWithoutDigestAndTheCdrNamesIt()
    {
        Core.Mapping("trunk-in", g => g with { RemoteIps = CallerAddress.Address.ToString(), EnablePhoneSetting = false });

        TrunkInvite();
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, CalleeAddress).Count == 1, "leg B's INVITE");
        Feed(CalleeResponse(486));
        var cdr = await CdrAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Transport.Responses(407, CallerAddress), Is.Empty, "a static trunk is known by its address");
            Assert.That(cdr.CallerGateway, Is.EqualTo("trunk-in"));
            Assert.That(cdr.Account, Is.EqualTo("acme"), "the gateway's account pays");
            Assert.That(Statistics.Snapshot(GatewayKind.Mapping, Core.Gateways.FindMapping("trunk-in")!.Id)?.Total.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task APhoneDiallingACarrierPrefixReachesTheCarrierWithTheRewrittenNumber()
    {
        Carriers(a => a with { SipPAssertedIdentity = 2, SipPrivacy = 2, SipRemotePartyId = true });
        Dialled = "95551234";

        Invite();
        var invite = await InviteAtAsync(CarrierA);

        Assert.Multiple(() =>
        {
            Assert.That(invite.RequestUri.ToString(), Is.EqualTo("sip:5551234@198.51.100.40:5090"), "rewriteRulesInCallee 9: strips the 9");
            Assert.That(invite.To.Uri.User, Is.EqualTo("5551234"));
            Assert.That(invite.From.Uri.User, Is.EqualTo("1001"));
            Assert.That(invite.Headers.Get("P-Asserted-Identity"), Does.StartWith("<sip:1001@"));
            Assert.That(invite.Headers.Get("Privacy"), Is.EqualTo("id"));
            Assert.That(invite.Headers.Get("Remote-Party-ID"), Does.Contain("party=calling"));
            Assert.That(Transport.Requests(SipMethod.Invite, CarrierB), Is.Empty, "one carrier at a time");
        });
        Feed(Answer(invite, 200, CarrierA));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress).Count > 0, "the 200 to the caller");
        var record = Switch.Calls.Single().Record.Snapshot;
        Assert.That(record.CalleeGateway, Is.EqualTo("carrier-a"));
    }

    [Test]
    public async Task A503FailsOverToTheNextCarrierAndTheCdrNamesTheOneThatCarriedTheCall()
    {
        Carriers();
        Dialled = "95551234";

        Invite();
        var first = await InviteAtAsync(CarrierA);
        Feed(Answer(first, 503, CarrierA));
        var second = await InviteAtAsync(CarrierB);
        Assert.That(second.RequestUri.User, Is.EqualTo("005551234"), "carrier-b's own rule 9:00");
        Feed(Answer(second, 486, CarrierB));
        var cdr = await CdrAsync();

        Assert.Multiple(() =>
        {
            Assert.That(cdr.CalleeGateway, Is.EqualTo("carrier-b"));
            Assert.That(cdr.EndReason, Is.EqualTo(EndReason.CalleeBusy));
            Assert.That(Statistics.Snapshot(GatewayKind.Routing, Core.Gateways.FindRouting("carrier-a")!.Id)?.Total.Attempts, Is.EqualTo(1));
            Assert.That(Statistics.Snapshot(GatewayKind.Routing, Core.Gateways.FindRouting("carrier-b")!.Id)?.Total.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task BusyDoesNotFailOverWhenTheGatewayForbidsIt()
    {
        Carriers(a => a with { SwitchAllowBusy = false });
        Dialled = "95551234";

        Invite();
        Feed(Answer(await InviteAtAsync(CarrierA), 486, CarrierA));
        var cdr = await CdrAsync();

        Assert.That(Transport.Requests(SipMethod.Invite, CarrierB), Is.Empty);
        Assert.That(cdr.CalleeGateway, Is.EqualTo("carrier-a"));
        Assert.That(Transport.Responses(486, CallerAddress), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ACarrierChallengeIsAnsweredOnceWithTheGatewaysCredentials()
    {
        Carriers(a => a with { Password = "carrier-secret" });
        Dialled = "95551234";

        Invite();
        var first = await InviteAtAsync(CarrierA);
        Feed(Answer(first, 407, CarrierA, "Proxy-Authenticate", "Digest realm=\"carrier\", nonce=\"n1\", algorithm=MD5"));
        var second = await InviteAtAsync(CarrierA, 2);

        Assert.Multiple(() =>
        {
            Assert.That(second.CallId, Is.EqualTo(first.CallId), "the same dialog");
            Assert.That(second.CSeq.Number, Is.EqualTo(first.CSeq.Number + 1));
            Assert.That(second.Headers.Get(HeaderKind.ProxyAuthorization), Does.Contain("username=\"carrier-a\""));
            Assert.That(second.Body.Length, Is.EqualTo(first.Body.Length), "the same offer");
        });
        Feed(Answer(second, 407, CarrierA, "Proxy-Authenticate", "Digest realm=\"carrier\", nonce=\"n2\", algorithm=MD5"));
        var third = await InviteAtAsync(CarrierB);
        Assert.That(Transport.Requests(SipMethod.Invite, CarrierA), Has.Count.EqualTo(2), "a second real challenge is a refusal: next carrier");
        Feed(Answer(third, 486, CarrierB));
        await CdrAsync();
    }

    [Test]
    public async Task NoCarrierForTheNumberEndsTheCallWithNoRoute()
    {
        Dialled = "7777";

        Invite();
        var cdr = await CdrAsync();

        Assert.That(cdr.EndReason, Is.EqualTo(EndReason.NumberNotFound));
        Assert.That(Transport.Responses(404, CallerAddress), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ThePhonesLineLimitCountsItsLiveCalls()
    {
        Core.Phone("1001", p => p with { Password = "secret-a", LineCallOut = 1 }, register: false);

        await CallAsync();
        Assert.That(Switch.ActiveCalls, Is.EqualTo(1));
        var second = CallerRequest(SipMethod.Invite, 1, toTag: null, sdp: Sdp);
        second.Headers.Set(HeaderKind.CallId, "second@198.51.100.10");
        second.Headers.Set(HeaderKind.From, "<sip:1001@198.51.100.10>;tag=second");
        Feed(second);
        var challenge = await Task.Run(async () =>
        {
            await WaitForAsync(() => Transport.Responses(407, CallerAddress).Count == 2, "the second challenge");
            return Transport.Responses(407, CallerAddress)[1];
        });
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.ProxyAuthenticate), "1001", "secret-a", "INVITE",
            second.RequestUri.ToString(), out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        var authorized = CallerRequest(SipMethod.Invite, 2, toTag: null, [(HeaderKind.ProxyAuthorization.ToText(), authorization!)], Sdp);
        authorized.Headers.Set(HeaderKind.CallId, "second@198.51.100.10");
        authorized.Headers.Set(HeaderKind.From, "<sip:1001@198.51.100.10>;tag=second");
        Feed(authorized);

        await WaitForAsync(() => Transport.Responses(503, CallerAddress).Count == 1, "the refusal of the second call (CallerLineLimit, 503)");
        Assert.That(Transport.Requests(SipMethod.Invite, CalleeAddress), Has.Count.EqualTo(1), "no second leg");
    }

    [Test]
    public async Task WrongCredentialsFromAnUnknownSourceCountAsAnIllegalCall()
    {
        var invite = CallerRequest(SipMethod.Invite, 1, toTag: null, sdp: Sdp);
        Feed(invite);
        var challenge = Transport.Responses(407, CallerAddress).Single();
        new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.ProxyAuthenticate), "1001", "wrong", "INVITE",
            invite.RequestUri.ToString(), out string? authorization);
        Feed(CallerRequest(SipMethod.Invite, 2, toTag: null, [(HeaderKind.ProxyAuthorization.ToText(), authorization!)], Sdp));

        Assert.That(Transport.Responses(403, CallerAddress), Has.Count.EqualTo(1));
        Assert.That(IllegalCalls.Count, Is.EqualTo(1));
        Assert.That(Switch.ActiveCalls, Is.Zero);
        await Task.CompletedTask;
    }

    [Test]
    public async Task AGatewaysOwnInviteTimeoutFailsItOverBeforeTheSystemOne()
    {
        Carriers(a => a with { TimeoutInvite = 2 });
        Dialled = "95551234";

        Invite();
        await InviteAtAsync(CarrierA);
        Advance(TimeSpan.FromSeconds(2.1));
        var second = await InviteAtAsync(CarrierB);

        Assert.That(Switch.Calls.Single().Outcomes.Single().End, Is.EqualTo(Softswitch.Core.Routing.AttemptEnd.Timeout));
        Feed(Answer(second, 486, CarrierB));
        await CdrAsync();
    }

    [Test]
    public async Task OnlyTheGatewaysCodecsAreOfferedAndAGatewayWithNoneInCommonIsPassedOver()
    {
        Carriers(a => a with { SipCodecAssign = true, SipCodecs = ["audio/PCMA"] }, b => b with { SipCodecAssign = true, SipCodecs = ["audio/PCMU", "audio/G729"] });
        Dialled = "95551234";

        Invite();
        var invite = await InviteAtAsync(CarrierB);

        Assert.That(Transport.Requests(SipMethod.Invite, CarrierA), Is.Empty, "the offer has PCMU only; carrier-a takes PCMA only");
        Assert.That(System.Text.Encoding.ASCII.GetString(invite.Body.Span), Does.Contain("m=audio 40000 RTP/AVP 0\r\n"));
        Feed(Answer(invite, 486, CarrierB));
        await CdrAsync();
    }

    [Test]
    public async Task TheGatewaysMaximumDurationEndsTheAnsweredCall()
    {
        Carriers(a => a with { MaxCallDurationLower = 30, MaxCallDurationUpper = 30 });
        Dialled = "95551234";

        var callerInvite = Invite();
        var invite = await InviteAtAsync(CarrierA);
        Feed(Answer(invite, 200, CarrierA));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress).Count > 0, "the 200 to the caller");
        var ok = Transport.Responses(200, CallerAddress)[0];
        Feed(CallerRequest(SipMethod.Ack, callerInvite.CSeq.Number, ok.To.Tag));
        // The ACK runs on the call's mailbox: the clock must not move before it has (a caller that never ACKs is let go at 64*T1).
        await WaitForAsync(() => Switch.Calls.Single().State == BridgeState.Connected, "the caller's ACK");
        Advance(TimeSpan.FromSeconds(29));
        Assert.That(Transport.Requests(SipMethod.Bye, CarrierA), Is.Empty);
        Advance(TimeSpan.FromSeconds(1.1));

        await WaitForAsync(() => Transport.Requests(SipMethod.Bye, CarrierA).Count == 1, "the BYE at the cap");
        Assert.That(Transport.Requests(SipMethod.Bye, CallerAddress), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RtpForwardTypeOffGivesTheCarrierTheCallersOwnSdpAndTheRelayGoesOnAnswer()
    {
        DisposeSwitch();
        CallOptions.RelayMedia = true;
        BuildSwitch();
        Carriers(a => a with { RtpForwardType = 2 }, b => b with { RtpForwardType = 1 });
        Dialled = "95551234";

        Invite();
        var direct = await InviteAtAsync(CarrierA);
        Assert.That(System.Text.Encoding.ASCII.GetString(direct.Body.Span), Does.Contain("c=IN IP4 198.51.100.99"), "the caller's own address");
        Feed(Answer(direct, 503, CarrierA));
        var relayed = await InviteAtAsync(CarrierB);
        Assert.That(System.Text.Encoding.ASCII.GetString(relayed.Body.Span), Does.Not.Contain("198.51.100.99"), "rtpForwardType 1: the relay's address");
        string carrierSdp = Sdp.Replace("198.51.100.99", "198.51.100.77", StringComparison.Ordinal);
        Feed(Answer(relayed, 200, CarrierB, sdp: carrierSdp));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress).Count > 0, "the 200 to the caller");

        Assert.That(System.Text.Encoding.ASCII.GetString(Transport.Responses(200, CallerAddress)[0].Body.Span), Does.Not.Contain("198.51.100.77"));
        Assert.That(Relay.ActiveSessions, Is.EqualTo(1), "a relayed call keeps its session");
    }

    [Test]
    public async Task ADirectMediaCarrierAnswerReachesTheCallerUnchanged()
    {
        DisposeSwitch();
        CallOptions.RelayMedia = true;
        BuildSwitch();
        Carriers(a => a with { RtpForwardType = 2 });
        Dialled = "95551234";

        Invite();
        var invite = await InviteAtAsync(CarrierA);
        string carrierSdp = Sdp.Replace("198.51.100.99", "198.51.100.77", StringComparison.Ordinal);
        Feed(Answer(invite, 200, CarrierA, sdp: carrierSdp));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress).Count > 0, "the 200 to the caller");

        Assert.That(System.Text.Encoding.ASCII.GetString(Transport.Responses(200, CallerAddress)[0].Body.Span), Does.Contain("c=IN IP4 198.51.100.77"));
        await WaitForAsync(() => Relay.ActiveSessions == 0, "the relay session let go");
    }

    [Test]
    public async Task ARemoteIpWithTransportTcpIsCalledOverTcp()
    {
        Carriers(a => a with { RemoteIp = "198.51.100.40;transport=tcp" });
        Dialled = "95551234";

        Invite();
        var invite = await InviteAtAsync(CarrierA);

        Assert.That(invite.RequestUri.ToString(), Is.EqualTo("sip:5551234@198.51.100.40:5090;transport=tcp"));
        Assert.That(Transport.Sent().First(s => ReferenceEquals(s.Message, invite)).Destination.Transport, Is.EqualTo(SipTransportKind.Tcp));
        Feed(Answer(invite, 486, CarrierA));
        await CdrAsync();
    }

    [TestCase("12ab34", TestName = "LettersInTheCallee")]
    [TestCase("", TestName = "AnEmptyCallee")]
    [TestCase(null, TestName = "ACalleeOf200Digits")]
    public async Task AMalformedCalleeFromATrunkIsRefused484WithItsCdr(string? dialled)
    {
        Core.Mapping("trunk-in", g => g with { RemoteIps = CallerAddress.Address.ToString(), EnablePhoneSetting = false });
        Dialled = dialled ?? new string('5', 200);

        TrunkInvite();
        var cdr = await CdrAsync();

        Assert.That(cdr.EndReason, Is.EqualTo(EndReason.MalformedCallee));
        Assert.That(Transport.Responses(484, CallerAddress), Has.Count.EqualTo(1));
        Assert.That(cdr.CalleeAccessE164.Length, Is.LessThanOrEqualTo(128), "a hostile number is bounded in the CDR");
    }

    [TestCase(0, "198.51.100.40:5090")]
    [TestCase(1, "198.51.100.40:6000")]
    [TestCase(2, "198.51.100.45:6000")]
    public async Task TheCarriersSipRequestAddressMethodSaysWhereTheAckGoes(int method, string expected)
    {
        Carriers(a => a with { SipRequestAddressMethod = method });
        Dialled = "95551234";

        Invite();
        var invite = await InviteAtAsync(CarrierA);
        var ok = SipResponseFactory.Create(invite, 200, toTag: "carrier-tag");
        ok.Headers.Add(HeaderKind.Contact, "<sip:carrier@198.51.100.45:6000>");
        ok.Source = new SipEndPoint(SipTransportKind.Udp, CarrierA);
        Feed(ok);
        await WaitForAsync(() => Transport.Sent().Any(s => s.Message is SipRequest { Method: SipMethod.Ack }), "the ACK to the carrier");

        var ack = Transport.Sent().First(s => s.Message is SipRequest { Method: SipMethod.Ack });
        Assert.That(ack.Destination.EndPoint.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task AStaticAddressPhoneCallsWithoutRegisteringOrDigest()
    {
        Core.Phone("1001", p => p with
        {
            Password = "secret-a",
            Additional = p.Additional with { RegisterType = 0, Ip = CallerAddress.Address.ToString(), Port = CallerAddress.Port },
        }, register: false);

        TrunkInvite();
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, CalleeAddress).Count == 1, "leg B's INVITE");
        Feed(CalleeResponse(486));
        var cdr = await CdrAsync();

        Assert.That(Transport.Responses(407, CallerAddress), Is.Empty, "a registerType 0 phone is known by its address");
        Assert.That((cdr.CallerE164, cdr.CallerGateway), Is.EqualTo(("1001", "")));
    }

    [Test]
    public async Task EachLegGetsItsGatewaysRtpSourceCheckAndAFailoverGetsTheSwitchDefaultBack()
    {
        DisposeSwitch();
        CallOptions.RelayMedia = true;
        BuildSwitch();
        Core.Mapping("trunk-in", g => g with { RemoteIps = CallerAddress.Address.ToString(), EnablePhoneSetting = false, RtpSourceCheck = 2 });
        Carriers(a => a with { RtpSourceCheck = 2 });

        Dialled = "95551234";
        TrunkInvite();
        var first = await InviteAtAsync(CarrierA);
        var session = Switch.Calls.Single().RelaySession!;
        Assert.That((session.SourceCheckOf(Softswitch.Sip.Media.RtpSide.A), session.SourceCheckOf(Softswitch.Sip.Media.RtpSide.B)),
            Is.EqualTo((Softswitch.Sip.Media.RtpSourceCheck.Strict, Softswitch.Sip.Media.RtpSourceCheck.Strict)));
        Feed(Answer(first, 503, CarrierA));
        await InviteAtAsync(CarrierB);

        Assert.That(session.SourceCheckOf(Softswitch.Sip.Media.RtpSide.B), Is.EqualTo(Relay.SourceCheck), "carrier-b has no setting of its own");
        Assert.That(session.SourceCheckOf(Softswitch.Sip.Media.RtpSide.A), Is.EqualTo(Softswitch.Sip.Media.RtpSourceCheck.Strict));
    }
}
