using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Core.Gateways;
using Softswitch.Core.Phones;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Tests.Core.Gateways;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Auth;

/// <summary>
/// Digest authentication of initial INVITEs from phones and dynamic mapping gateways (issue 11): 407 like a phone,
/// the gateway's name and password, the same refusals; on the fake transport and clock.
/// </summary>
public sealed class CallerAuthenticationTests
{
    private GatewayServiceFixture _g = null!;
    private TimerWheel _wheel = null!;
    private FakeTransport _transport = null!;
    private SipTransactionLayer _layer = null!;
    private RecordingUser _user = null!;
    private PhoneRequestAuthenticator _authenticator = null!;
    private readonly List<AuthenticatedCaller> _callers = [];
    private readonly List<PhoneCredentials> _phones = [];
    private int _refused;
    private bool _phonesOnly;
    private int _branch;

    [SetUp]
    public async Task SetUp()
    {
        _g = await GatewayServiceFixture.OpenAsync();
        var time = _g.Services.Time;
        _wheel = new TimerWheel(time);
        _transport = new FakeTransport(time);
        var registrar = new Softswitch.Sip.Registrar.Registrar(new RegistrarOptions(), new AuthOptions(), _g.Phones, _g.Registrations,
            _g.Services.Registrations, time, NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        _authenticator = new PhoneRequestAuthenticator(registrar, _g.Phones, NullLogger<PhoneRequestAuthenticator>.Instance);
        _user = new RecordingUser { Answer = Answer };
        _layer = new SipTransactionLayer(_transport, _user, _wheel);
        _callers.Clear();
        _refused = 0;
        _phones.Clear();
        _phonesOnly = false;
        Assert.That((await _g.Phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme", Password = "secret1001" })).IsSuccess);
        Assert.That((await _g.Mapping.CreateAsync("trunk-a", new MappingGatewayChanges { Account = "acme", Password = "gw-secret", RegisterType = 1 })).IsSuccess);
        Assert.That((await _g.Routing.CreateAsync("carrier-b", new RoutingGatewayChanges { Prefix = "9", Password = "gw-secret", RegisterType = 1 })).IsSuccess);
    }

    [TearDown]
    public void TearDown()
    {
        _wheel.Dispose();
        _g.Dispose();
    }

    /// <summary>What B2bua.Invite does with the identity is not this test's: a found caller is answered 480 here.</summary>
    private void Answer(ServerTransaction transaction, SipRequest request)
    {
        if (_phonesOnly)
        {
            if (_authenticator.Authenticate(transaction, request, "tag1") is { } phone)
            {
                _phones.Add(phone);
                transaction.SendResponse(SipResponseFactory.Create(request, 480, null, "tag1"));
            }
            return;
        }
        if (_authenticator.AuthenticateCaller(transaction, request, "tag1", out bool refused) is { } caller)
        {
            _callers.Add(caller);
            transaction.SendResponse(SipResponseFactory.Create(request, 480, null, "tag1"));
        }
        else if (refused)
        {
            _refused++;
        }
    }

    private SipRequest Invite(string? proxyAuthorization = null)
    {
        var invite = TestMessages.Request(SipMethod.Invite, branch: "z9hG4bKinv" + ++_branch, cseq: (uint)_branch);
        if (proxyAuthorization is not null)
        {
            invite.Headers.Add(HeaderKind.ProxyAuthorization, proxyAuthorization);
        }
        return invite;
    }

    /// <summary>Sends an INVITE, answers its 407 as <paramref name="user"/>, and returns the final response to the answer.</summary>
    private SipResponse Call(string user, string password)
    {
        _layer.HandleIncoming(Invite());
        var challenge = _transport.Responses(407).Last();
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.ProxyAuthenticate), user, password, "INVITE",
            "sip:1002@192.0.2.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        _layer.HandleIncoming(Invite(authorization));
        return _transport.Responses().Last(r => r.StatusCode >= 400 && r.StatusCode != 407);
    }

    [Test]
    public void ADynamicMappingGatewayIsChallengedLikeAPhoneAndIdentifiedByName()
    {
        _layer.HandleIncoming(Invite());
        Assert.That(_transport.Responses(407).Single().Headers.Get(HeaderKind.ProxyAuthenticate), Does.StartWith("Digest "));
        Assert.That(_refused, Is.Zero, "a challenge is no refusal");

        Call("trunk-a", "gw-secret");

        var caller = _callers.Single();
        Assert.That((caller.Name, caller.GatewayKind, caller.Gateway?.Name, caller.Phone), Is.EqualTo(("trunk-a", (GatewayKind?)GatewayKind.Mapping, "trunk-a", (PhoneCredentials?)null)));
    }

    [Test]
    public void APhoneIsIdentifiedAsAPhone()
    {
        Call("1001", "secret1001");

        var caller = _callers.Single();
        Assert.That((caller.Name, caller.GatewayKind, caller.Phone?.E164), Is.EqualTo(("1001", (GatewayKind?)null, "1001")));
    }

    [Test]
    public void WrongGatewayPasswordARoutingGatewayAndAnUnknownNameAreRefusedAlike()
    {
        var unknown = Call("nobody", "gw-secret");
        var wrong = Call("trunk-a", "guess");
        var routing = Call("carrier-b", "gw-secret");

        Assert.That(unknown.StatusCode, Is.EqualTo(403));
        foreach (var answer in new[] { wrong, routing })
        {
            Assert.That((answer.StatusCode, answer.ReasonPhrase, answer.Headers.Count), Is.EqualTo((unknown.StatusCode, unknown.ReasonPhrase, unknown.Headers.Count)));
        }
        Assert.That(_callers, Is.Empty, "a routing gateway receives calls; it does not send them in");
        Assert.That(_refused, Is.EqualTo(3), "each 403 for credentials that prove nobody is an illegal call (alarm 20020)");
    }

    [Test]
    public void ThePhoneOnlyPathStillKnowsPhonesOnly()
    {
        _phonesOnly = true;

        Assert.That(Call("trunk-a", "gw-secret").StatusCode, Is.EqualTo(403));
        Assert.That(Call("1001", "secret1001").StatusCode, Is.EqualTo(480));
        Assert.That(_phones.Select(p => p.E164), Is.EqualTo(new[] { "1001" }));
    }

    [Test]
    public async Task AGatewayTurnedStaticNoLongerAuthenticates()
    {
        Assert.That((await _g.Mapping.ModifyAsync("trunk-a", new MappingGatewayChanges { RegisterType = 0, RemoteIps = "10.0.0.5" })).IsSuccess);

        Assert.That(Call("trunk-a", "gw-secret").StatusCode, Is.EqualTo(403));
        Assert.That(_callers, Is.Empty);
    }

    [Test]
    public void AGuesserBehindTheSameAddressNeverStopsTheRegisteredPhonesCalls()
    {
        // Issue 12 #7: 1001 is registered from the address a guesser shares with it (a NAT).
        var now = _g.Services.Time.GetUtcNow();
        _g.Services.Registrations.Upsert(new Softswitch.Core.Registrations.RegistrationBinding("1001", "sip:1001@198.51.100.7:5062", "UDP",
            TestMessages.Peer.EndPoint.Address.ToString(), 5062, "reg", 1, null, now, now.AddHours(1)));
        for (int k = 0; k < new AuthOptions().SourceFailureLimit; k++)
        {
            Assert.That(Call("guess-" + k, "guess").StatusCode, Is.EqualTo(403));
        }

        int challenges = _transport.Responses(407).Count;
        _layer.HandleIncoming(Invite());
        Assert.That(_transport.Responses(407), Has.Count.EqualTo(challenges + 1), "the registered phone's INVITE is challenged, not refused");
        Assert.That(Call("1001", "secret1001").StatusCode, Is.EqualTo(480), "and its call goes through");
        Assert.That(_callers.Single().Name, Is.EqualTo("1001"));
        Assert.That(Call("trunk-a", "gw-secret").StatusCode, Is.EqualTo(403), "a name not registered from the address waits out the block");
    }
}
