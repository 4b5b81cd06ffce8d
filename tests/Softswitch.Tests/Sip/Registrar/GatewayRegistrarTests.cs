using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Core.Gateways;
using Softswitch.Core.Management;
using Softswitch.Core.Phones;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Tests.Core;
using Softswitch.Tests.Core.Gateways;

namespace Softswitch.Tests.Sip.Registrar;

/// <summary>
/// registerType 1 gateways registering to the switch (issue 11): the registrar over the real gateway services and a
/// temp database, so API writes act on live bindings as in the host; the clock is fake.
/// </summary>
public sealed class GatewayRegistrarTests
{
    private GatewayServiceFixture _g = null!;
    private ServiceFixture _f = null!;
    private GatewayPresence _presence = null!;
    private GatewayRegistrations _registrations = null!;
    private MappingGatewayService _mapping = null!;
    private RoutingGatewayService _routing = null!;
    private PhoneService _phones = null!;
    private Softswitch.Sip.Registrar.Registrar _registrar = null!;
    private int _cseq;

    [SetUp]
    public async Task SetUp()
    {
        _g = await GatewayServiceFixture.OpenAsync();
        _f = _g.Services;
        (_presence, _registrations, _mapping, _routing, _phones) = (_g.Presence, _g.Registrations, _g.Mapping, _g.Routing, _g.Phones);
        _registrar = new Softswitch.Sip.Registrar.Registrar(new RegistrarOptions(), new AuthOptions { FailureLimit = 3 }, _phones,
            _registrations, _f.Registrations, _f.Time, NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        Assert.That((await _phones.CreateAsync(false, "1001", new PhoneChanges { Account = "acme", Password = "secret1001" })).IsSuccess);
        _cseq = 0;
    }

    [TearDown]
    public void TearDown() => _g.Dispose();

    private DateTimeOffset Now => _f.Time.GetUtcNow();

    private async Task CreateMappingAsync(string name, string password = "gw-secret", int registerType = 1, int lockType = 0)
    {
        var created = await _mapping.CreateAsync(name, new MappingGatewayChanges
        {
            Account = "acme", Password = password, RegisterType = registerType, LockType = lockType,
        });
        Assert.That(created.IsSuccess, created.Message);
    }

    private async Task CreateRoutingAsync(string name, string password = "gw-secret", int registerType = 1)
    {
        var created = await _routing.CreateAsync(name, new RoutingGatewayChanges { Prefix = "9", Password = password, RegisterType = registerType });
        Assert.That(created.IsSuccess, created.Message);
    }

    private SipRequest Register(string user, string? authorization = null, string expires = "300",
        string contact = "<sip:{0}@10.0.0.5:5070>", string source = "10.0.0.5", int sourcePort = 5070) =>
        RegisterRequests.Build(user, ++_cseq, authorization, expires, contact, source, sourcePort);

    /// <summary>The first REGISTER is challenged; the answer to the challenge is returned.</summary>
    private SipResponse Authenticated(string user, string password, string expires = "300",
        string contact = "<sip:{0}@10.0.0.5:5070>", string source = "10.0.0.5", int sourcePort = 5070)
    {
        var challenge = _registrar.Handle(Register(user, source: source, sourcePort: sourcePort));
        Assert.That(challenge.StatusCode, Is.EqualTo(401));
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), user, password, "REGISTER",
            "sip:127.0.0.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        return _registrar.Handle(Register(user, authorization, expires, contact, source, sourcePort));
    }

    private bool Online(GatewayKind kind, string name) => _presence.IsOnline(kind, name, Now);

    [Test]
    public async Task DynamicMappingGatewayRegistersWithItsNameAndPasswordAndIsListedOnline()
    {
        await CreateMappingAsync("trunk-a");

        var response = Authenticated("trunk-a", "gw-secret", contact: "<sip:trunk-a@192.168.1.20:5060>");

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Get(HeaderKind.Contact), Is.EqualTo("<sip:trunk-a@192.168.1.20:5060>;expires=300"));
        var (gateway, entry, _) = _g.Online.Mapping(null, null).Single();
        Assert.That(entry, Is.Not.Null);
        Assert.That(gateway.Name, Is.EqualTo("trunk-a"));
        Assert.That(entry!.RemoteAddress, Is.EqualTo("10.0.0.5:5070"), "remoteIps: where the REGISTER came from");
        Assert.That(entry.NatAddress, Is.EqualTo("192.168.1.20:5060"), "natIp: the Contact behind the NAT");
        Assert.That(entry.LocalAddress, Is.EqualTo("127.0.0.1:5060"), "localIp: the address it registered to");
        Assert.That(entry.RegisteredAt, Is.EqualTo(Now));
        Assert.That(entry.ExpiresAt, Is.EqualTo(Now.AddSeconds(300)));
        Assert.That(entry.Binding, Is.EqualTo(new GatewayBinding("sip:trunk-a@192.168.1.20:5060", "UDP", "10.0.0.5", 5070, "reg-1@10.0.0.5", 2)));
        Assert.That(_registrations.MappingAt("10.0.0.5", 5070, Now), Is.EqualTo("trunk-a"));
        Assert.That(_registrations.MappingAt("10.0.0.5", 5071, Now), Is.Null, "the port is part of the source");
        Assert.That(_f.Registrations.Snapshot(Now), Is.Empty, "a gateway is not a phone registration");
    }

    [Test]
    public async Task DynamicRoutingGatewayRegistersAndItsContactIsWhereCallsGo()
    {
        await CreateRoutingAsync("carrier-b");

        Assert.That(Authenticated("carrier-b", "gw-secret", source: "10.0.0.7").StatusCode, Is.EqualTo(200));

        var binding = _registrations.RoutingBinding("carrier-b", Now);
        Assert.That(binding, Is.Not.Null);
        Assert.That((binding!.ContactUri, binding.SourceIp, binding.SourcePort, binding.Transport),
            Is.EqualTo(("sip:carrier-b@10.0.0.5:5070", "10.0.0.7", 5070, "UDP")));
        Assert.That(_g.Online.Routing(null, null).Single().Presence?.Binding, Is.EqualTo(binding));
        Assert.That(Online(GatewayKind.Mapping, "carrier-b"), Is.False);
        Assert.That(_registrations.MappingAt("10.0.0.7", 5070, Now), Is.Null, "a routing gateway does not identify inbound calls");
    }

    [Test]
    public async Task OneRegistrationBindsSameNamedMappingAndRoutingGatewaysThatShareThePassword()
    {
        await CreateMappingAsync("pbx");
        await CreateRoutingAsync("pbx");

        Assert.That(Authenticated("pbx", "gw-secret").StatusCode, Is.EqualTo(200));

        Assert.That(Online(GatewayKind.Mapping, "pbx") && Online(GatewayKind.Routing, "pbx"), Is.True);
    }

    [Test]
    public async Task WithDifferentPasswordsTheMappingGatewayGovernsTheName()
    {
        await CreateMappingAsync("pbx", password: "inbound-pw");
        await CreateRoutingAsync("pbx", password: "outbound-pw");

        Assert.That(Authenticated("pbx", "outbound-pw").StatusCode, Is.EqualTo(403));
        Assert.That(Authenticated("pbx", "inbound-pw").StatusCode, Is.EqualTo(200));

        Assert.That(Online(GatewayKind.Mapping, "pbx"), Is.True);
        Assert.That(Online(GatewayKind.Routing, "pbx"), Is.False);
    }

    [Test]
    public async Task WrongPasswordUnknownNameAndStaticGatewayGetWhatAnUnknownPhoneGets()
    {
        await CreateMappingAsync("trunk-a");
        await CreateMappingAsync("static-c", registerType: 0);
        await CreateMappingAsync("nopass-d", password: "");

        var unknownPhone = Authenticated("7777", "guess", source: "10.0.0.11");
        var answers = new[]
        {
            Authenticated("trunk-a", "guess", source: "10.0.0.12"),
            Authenticated("no-such-gateway", "guess", source: "10.0.0.13"),
            Authenticated("static-c", "gw-secret", source: "10.0.0.14"),
            Authenticated("nopass-d", "", source: "10.0.0.15"),
        };

        Assert.That(unknownPhone.StatusCode, Is.EqualTo(403));
        foreach (var answer in answers)
        {
            Assert.That((answer.StatusCode, answer.ReasonPhrase, answer.Headers.Count),
                Is.EqualTo((unknownPhone.StatusCode, unknownPhone.ReasonPhrase, unknownPhone.Headers.Count)));
        }
        Assert.That(_presence.Snapshot(GatewayKind.Mapping, Now), Is.Empty);
    }

    [Test]
    public async Task GatewayFailuresCountTowardsTheSameThrottle()
    {
        await CreateMappingAsync("trunk-a");
        for (int i = 0; i < 3; i++)
        {
            Assert.That(Authenticated("trunk-a", "guess" + i).StatusCode, Is.EqualTo(403));
        }

        Assert.That(_registrar.Handle(Register("trunk-a")).StatusCode, Is.EqualTo(403), "blocked: not even challenged");
        Assert.That(Authenticated("trunk-a", "gw-secret", source: "10.0.0.6").StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task FullyLockedGatewayIsRefusedAndAOneWayLockStillRegisters()
    {
        await CreateMappingAsync("locked-a", lockType: 3);
        await CreateMappingAsync("callin-locked", lockType: 2);

        var locked = Authenticated("locked-a", "gw-secret");
        var oneWay = Authenticated("callin-locked", "gw-secret");

        Assert.That((locked.StatusCode, locked.ReasonPhrase), Is.EqualTo((403, "Forbidden - gateway locked")));
        Assert.That(Online(GatewayKind.Mapping, "locked-a"), Is.False);
        Assert.That(oneWay.StatusCode, Is.EqualTo(200), "lockType 2 locks calls in, not the registration");
    }

    [Test]
    public async Task CredentialsOfAGatewayCannotRegisterAnotherName()
    {
        await CreateMappingAsync("trunk-a");
        var challenge = _registrar.Handle(Register("trunk-a"));
        new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "trunk-a", "gw-secret", "REGISTER",
            "sip:127.0.0.1", out string? authorization);
        var request = Register("trunk-a", authorization);
        request.Headers.Set(HeaderKind.To, "<sip:other@127.0.0.1>");

        var response = _registrar.Handle(request);

        Assert.That(response.StatusCode, Is.EqualTo(403));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
    }

    [Test]
    public async Task BindingLapsesAtItsExpiryAndTheSweepTakesItAway()
    {
        await CreateMappingAsync("trunk-a");
        var offline = new List<string>();
        _presence.PresenceChanged += (entry, online) =>
        {
            if (!online)
            {
                offline.Add(entry.Name);
            }
        };
        Assert.That(Authenticated("trunk-a", "gw-secret", expires: "60").StatusCode, Is.EqualTo(200));

        _f.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.True);
        _f.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
        Assert.That(_registrations.MappingAt("10.0.0.5", 5070, Now), Is.Null);
        Assert.That(_registrar.Sweep(), Is.EqualTo(1));
        Assert.That(offline, Is.EqualTo(new[] { "trunk-a" }));
    }

    [Test]
    public async Task RefreshKeepsTheRegisterTimeAndMovesTheSource()
    {
        await CreateMappingAsync("trunk-a");
        Authenticated("trunk-a", "gw-secret");
        var first = Now;
        _f.Time.Advance(TimeSpan.FromSeconds(100));

        Assert.That(Authenticated("trunk-a", "gw-secret", source: "10.0.0.9", sourcePort: 5080).StatusCode, Is.EqualTo(200));

        var entry = _presence.Get(GatewayKind.Mapping, "trunk-a", Now)!;
        Assert.That((entry.RegisteredAt, entry.UpdatedAt, entry.RemoteAddress), Is.EqualTo(((DateTimeOffset?)first, Now, "10.0.0.9:5080")));
        Assert.That(_registrations.MappingAt("10.0.0.5", 5070, Now), Is.Null);
        Assert.That(_registrations.MappingAt("10.0.0.9", 5080, Now), Is.EqualTo("trunk-a"));
    }

    [Test]
    public async Task ExpiresZeroOnTheBoundContactUnregisters()
    {
        await CreateMappingAsync("trunk-a");
        Authenticated("trunk-a", "gw-secret");

        var other = Authenticated("trunk-a", "gw-secret", expires: "0", contact: "<sip:trunk-a@10.0.0.5:5999>");
        Assert.That(other.StatusCode, Is.EqualTo(200));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.True, "removing a contact it never bound changes nothing");

        var response = Authenticated("trunk-a", "gw-secret", expires: "0");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Contains(HeaderKind.Contact), Is.False);
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
        Assert.That(_registrations.MappingAt("10.0.0.5", 5070, Now), Is.Null);
    }

    [Test]
    public async Task WildcardUnregistersAndTwoContactsAreRefused()
    {
        await CreateMappingAsync("trunk-a");
        var two = Authenticated("trunk-a", "gw-secret", contact: "<sip:trunk-a@10.0.0.5:5070>, <sip:trunk-a@10.0.0.5:5072>");
        Assert.That((two.StatusCode, two.ReasonPhrase), Is.EqualTo((403, "Forbidden - a gateway binds one contact")));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);

        Authenticated("trunk-a", "gw-secret");
        Assert.That(Authenticated("trunk-a", "gw-secret", expires: "0", contact: "*").StatusCode, Is.EqualTo(200));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
    }

    [Test]
    public async Task TooBriefExpiryGets423AndNothingIsBound()
    {
        await CreateMappingAsync("trunk-a");
        var response = Authenticated("trunk-a", "gw-secret", expires: "10");
        Assert.That(response.StatusCode, Is.EqualTo(423));
        Assert.That(response.Headers.Get(HeaderKind.MinExpires), Is.EqualTo("60"));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
    }

    [TestCase("<sip:{0}@10.0.0.5:5070>", "soon", "Bad Request - Expires is not a number")]
    [TestCase("<sip:{0}@10.0.0.5:5070>;expires=-1", "300", "Bad Request - Contact expires is not a number")]
    [TestCase("*", "300", "Bad Request - Contact '*' needs Expires: 0 and no other contact")]
    public async Task AMalformedGatewayRegisterGets400AndBindsNothing(string contact, string expires, string reason)
    {
        await CreateMappingAsync("trunk-a");

        var response = Authenticated("trunk-a", "gw-secret", expires: expires, contact: contact);

        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That(response.ReasonPhrase, Does.StartWith(reason));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
    }

    [Test]
    public async Task AnOlderCSeqOnTheSameCallIdCannotUndoTheBinding()
    {
        await CreateMappingAsync("trunk-a");
        Assert.That(Authenticated("trunk-a", "gw-secret").StatusCode, Is.EqualTo(200));
        var challenge = _registrar.Handle(Register("trunk-a"));
        new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "trunk-a", "gw-secret", "REGISTER",
            "sip:127.0.0.1", out string? authorization);

        var stale = _registrar.Handle(RegisterRequests.Build("trunk-a", 1, authorization, "0", "<sip:trunk-a@10.0.0.5:5070>", "10.0.0.5"));

        Assert.That(stale.StatusCode, Is.EqualTo(500));
        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.True);
    }

    [Test]
    public async Task DeletingTheGatewayThroughTheApiRemovesTheBinding()
    {
        await CreateMappingAsync("trunk-a");
        await CreateRoutingAsync("carrier-b");
        Authenticated("trunk-a", "gw-secret");
        Authenticated("carrier-b", "gw-secret", source: "10.0.0.7");

        Assert.That((await _mapping.DeleteAsync("trunk-a")).IsSuccess);
        Assert.That((await _routing.DeleteAsync("carrier-b")).IsSuccess);

        Assert.That(Online(GatewayKind.Mapping, "trunk-a") || Online(GatewayKind.Routing, "carrier-b"), Is.False);
        Assert.That(_registrations.MappingAt("10.0.0.5", 5070, Now), Is.Null);
        Assert.That(_registrations.RoutingBinding("carrier-b", Now), Is.Null);
    }

    [TestCase("password")]
    [TestCase("registerType")]
    [TestCase("lockType")]
    public async Task ChangingPasswordRegisterTypeOrFullLockRemovesTheBinding(string field)
    {
        await CreateMappingAsync("trunk-a");
        await CreateRoutingAsync("carrier-b");
        Authenticated("trunk-a", "gw-secret");
        Authenticated("carrier-b", "gw-secret", source: "10.0.0.7");

        var mappingChange = field switch
        {
            "password" => new MappingGatewayChanges { Password = "new-secret" },
            "registerType" => new MappingGatewayChanges { RegisterType = 0, RemoteIps = "10.0.0.5" },
            _ => new MappingGatewayChanges { LockType = 3 },
        };
        var routingChange = field switch
        {
            "password" => new RoutingGatewayChanges { Password = "new-secret" },
            "registerType" => new RoutingGatewayChanges { RegisterType = 0, RemoteIp = "10.0.0.7" },
            _ => new RoutingGatewayChanges { LockType = 3 },
        };
        Assert.That((await _mapping.ModifyAsync("trunk-a", mappingChange)).IsSuccess);
        Assert.That((await _routing.ModifyAsync("carrier-b", routingChange)).IsSuccess);

        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.False);
        Assert.That(Online(GatewayKind.Routing, "carrier-b"), Is.False);
    }

    [Test]
    public async Task AnUnrelatedChangeKeepsTheBinding()
    {
        await CreateMappingAsync("trunk-a");
        Authenticated("trunk-a", "gw-secret");

        Assert.That((await _mapping.ModifyAsync("trunk-a", new MappingGatewayChanges { Capacity = 30 })).IsSuccess);

        Assert.That(Online(GatewayKind.Mapping, "trunk-a"), Is.True);
    }

    [Test]
    public async Task APhoneE164AndADynamicGatewayNameCannotClash()
    {
        var asGateway = await _mapping.CreateAsync("1001", new MappingGatewayChanges { Account = "acme", Password = "x", RegisterType = 1 });
        Assert.That((asGateway.Error, asGateway.Field), Is.EqualTo((ServiceError.Duplicate, "name")));
        Assert.That(asGateway.Message, Does.Contain("phone"));
        var asRouting = await _routing.CreateAsync("1001", new RoutingGatewayChanges { Prefix = "9", Password = "x", RegisterType = 1 });
        Assert.That((asRouting.Error, asRouting.Field), Is.EqualTo((ServiceError.Duplicate, "name")));

        await CreateMappingAsync("1001", registerType: 0);
        var becomesDynamic = await _mapping.ModifyAsync("1001", new MappingGatewayChanges { RegisterType = 1 });
        Assert.That((becomesDynamic.Error, becomesDynamic.Field), Is.EqualTo((ServiceError.Duplicate, "name")));

        await CreateRoutingAsync("2002");
        var phone = await _phones.CreateAsync(false, "2002", new PhoneChanges { Account = "acme" });
        Assert.That((phone.Error, phone.Field), Is.EqualTo((ServiceError.Duplicate, "e164")));
        Assert.That(phone.Message, Does.Contain("routing gateway '2002'"));

        await CreateMappingAsync("3003", registerType: 0);
        Assert.That((await _phones.CreateAsync(false, "3003", new PhoneChanges { Account = "acme" })).IsSuccess,
            "a static gateway never registers, so its name is free for a phone");
    }

    [Test]
    public async Task APhoneStillRegistersAsBeforeBesideGateways()
    {
        await CreateMappingAsync("trunk-a");
        var response = Authenticated("1001", "secret1001");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(_f.Registrations.IsOnline("1001", Now), Is.True);
        Assert.That(_presence.Snapshot(GatewayKind.Mapping, Now), Is.Empty);
    }
}
