using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Core.TextMessages;
using Softswitch.Sip;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Messaging;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Messaging;

/// <summary>MESSAGE relayed phone to phone (RFC 3428) through the router, on a fake transport and clock.</summary>
public class MessageRelayTests
{
    private const string Caller = "1001";
    private const string Callee = "1002";

    private sealed class Phones : IPhoneDirectory
    {
        public Dictionary<string, PhoneCredentials> Entries { get; } = new()
        {
            [Caller] = new PhoneCredentials(Caller, "secret1001", "acme", false),
            [Callee] = new PhoneCredentials(Callee, "secret1002", "acme", false) { Dids = ["4008001234"] },
        };

        public PhoneCredentials? FindCredentials(string e164) => Entries.GetValueOrDefault(e164);

        public PhoneCredentials? FindByNumber(string number) =>
            Entries.GetValueOrDefault(number) ?? Entries.Values.FirstOrDefault(p => p.Dids.Contains(number));
    }

    private sealed class Store : ITextMessageStore
    {
        public List<TextMessage> Recorded { get; } = [];

        public Task<long> InsertAsync(TextMessage message, CancellationToken cancellationToken = default)
        {
            Recorded.Add(message);
            return Task.FromResult((long)Recorded.Count);
        }

        public Task<IReadOnlyList<TextMessage>> QueryAsync(TextMessageQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<TextMessage>>(Recorded);
    }

    private FakeTimeProvider _time = null!;
    private TimerWheel _wheel = null!;
    private FakeTransport _transport = null!;
    private SipTransactionLayer _layer = null!;
    private RegistrationTable _registrations = null!;
    private Phones _phones = null!;
    private Store _store = null!;
    private int _sent;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        _wheel = new TimerWheel(_time);
        _transport = new FakeTransport(_time);
        _registrations = new RegistrationTable();
        _phones = new Phones();
        _store = new Store();
        var registrar = new Softswitch.Sip.Registrar.Registrar(new RegistrarOptions(), new AuthOptions(), _phones, _registrations, _time,
            NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        var router = new SipRequestRouter(registrar, NullLogger<SipRequestRouter>.Instance);
        _layer = new SipTransactionLayer(_transport, router, _wheel);
        router.Attach(_layer);
        router.Attach(new MessageRelay(
            new PhoneRequestAuthenticator(registrar, _phones, NullLogger<PhoneRequestAuthenticator>.Instance), _phones,
            new RegisteredContacts(_registrations, _time), _layer, new TextMessageLog(_store), _time, NullLogger<MessageRelay>.Instance));
        _sent = 0;
    }

    [TearDown]
    public void TearDown() => _wheel.Dispose();

    private void RegisterCallee(string ip = "10.0.0.8", int port = 5070) => _registrations.Upsert(new RegistrationBinding(
        Callee, $"sip:{Callee}@{ip}:{port}", "UDP", ip, port, "reg-" + ip, 1, "phone", _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(5)));

    private SipRequest Message(string to = Callee, string body = "hello", string? proxyAuthorization = null, string maxForwards = "70")
    {
        var request = new SipRequest(SipMethod.Message, SipUri.Parse($"sip:{to}@192.0.2.1"));
        request.Headers.Add(HeaderKind.Via, $"SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bKmsg{++_sent}");
        request.Headers.Add(HeaderKind.MaxForwards, maxForwards);
        request.Headers.Add(HeaderKind.From, $"\"Alice\" <sip:{Caller}@192.0.2.1>;tag=from1");
        request.Headers.Add(HeaderKind.To, $"<sip:{to}@192.0.2.1>");
        request.Headers.Add(HeaderKind.CallId, "msg-1@198.51.100.7");
        request.Headers.Add(HeaderKind.CSeq, $"{_sent} MESSAGE");
        if (proxyAuthorization is not null)
        {
            request.Headers.Add(HeaderKind.ProxyAuthorization, proxyAuthorization);
        }
        request.Headers.Add(HeaderKind.ContentType, "text/plain;charset=UTF-8");
        request.Body = Encoding.UTF8.GetBytes(body);
        request.Source = TestMessages.Peer;
        return request;
    }

    /// <summary>Sends the MESSAGE, answers the 407 with the caller's digest, and returns the authenticated request.</summary>
    private SipRequest SendAuthenticated(string to = Callee, string body = "hello", string password = "secret1001", string maxForwards = "70")
    {
        _layer.HandleIncoming(Message(to, body, maxForwards: maxForwards));
        var challenge = _transport.Responses(407).Last();
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.ProxyAuthenticate), Caller, password, "MESSAGE",
            $"sip:{to}@192.0.2.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        var request = Message(to, body, authorization, maxForwards);
        _layer.HandleIncoming(request);
        return request;
    }

    private SipResponse FinalToSender() => _transport.Responses().Single(r => r.StatusCode >= 200 && r.StatusCode != 407 && r.CSeq.Number == (uint)_sent);

    private List<SipRequest> Forwarded() => _transport.Requests(SipMethod.Message);

    private void Answer(SipRequest forwarded, int status) => _layer.HandleIncoming(TestMessages.ResponseTo(forwarded, status));

    [Test]
    public void WithoutCredentialsTheSenderIsChallengedAsForAnInvite()
    {
        RegisterCallee();
        _layer.HandleIncoming(Message());
        var challenge = _transport.Responses(407).Single();
        Assert.That(challenge.Headers.Get(HeaderKind.ProxyAuthenticate), Does.StartWith("Digest "));
        Assert.That(Forwarded(), Is.Empty);
        Assert.That(_store.Recorded, Is.Empty, "an unauthenticated MESSAGE is nobody's message");
    }

    [Test]
    public void AnUnknownAuthorisationSchemeIsChallenged()
    {
        _layer.HandleIncoming(Message(proxyAuthorization: "NotDigest realm=\"x\""));
        Assert.That(_transport.Responses(407), Has.Count.EqualTo(1));
    }

    [Test]
    public void ItIsRelayedToTheRegisteredContactAndThe200GoesBackAndIsRecorded()
    {
        RegisterCallee();
        SendAuthenticated(body: "hello 1002");
        var forward = Forwarded().Single();
        Assert.That(forward.RequestUri.ToString(), Is.EqualTo($"sip:{Callee}@10.0.0.8:5070"));
        Assert.That(_transport.Sent.Single(s => s.Message == forward).Destination.EndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Parse("10.0.0.8"), 5070)));
        Assert.That(forward.Headers.Get(HeaderKind.MaxForwards), Is.EqualTo("69"));
        Assert.That(forward.CallId, Is.Not.EqualTo("msg-1@198.51.100.7"), "a new transaction toward the callee, B2BUA style");
        Assert.That(forward.From.Uri.User, Is.EqualTo(Caller));
        Assert.That(forward.From.DisplayName, Is.EqualTo("Alice"));
        Assert.That(forward.To.Uri.User, Is.EqualTo(Callee));
        Assert.That(forward.ContentType, Is.EqualTo("text/plain;charset=UTF-8"));
        Assert.That(Encoding.UTF8.GetString(forward.Body.Span), Is.EqualTo("hello 1002"));
        Assert.That(_store.Recorded, Is.Empty, "recorded once the outcome is known");

        Answer(forward, 200);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(200));
        var record = _store.Recorded.Single();
        Assert.That((record.CallerE164, record.CalleeE164, record.Account, record.Status), Is.EqualTo((Caller, Callee, "acme", 200)));
        Assert.That(record.ContentType, Is.EqualTo("text/plain;charset=UTF-8"));
        Assert.That(Encoding.UTF8.GetString(record.Body.Span), Is.EqualTo("hello 1002"));
        Assert.That(record.Time, Is.EqualTo(_time.GetUtcNow()));
        Assert.That(record.Delivered, Is.True);
    }

    [Test]
    public void MaxForwardsOneIsRelayedWithZeroAndZeroIsRefused483()
    {
        RegisterCallee();
        SendAuthenticated(maxForwards: "1");
        Assert.That(Forwarded().Single().Headers.Get(HeaderKind.MaxForwards), Is.EqualTo("0"));

        _layer.HandleIncoming(Message(maxForwards: "0"));
        Assert.That(_transport.Responses(483), Has.Count.EqualTo(1), "refused before authentication: no 407 first");
    }

    [Test]
    public void ADidReachesItsPhone()
    {
        RegisterCallee();
        SendAuthenticated(to: "4008001234");
        Answer(Forwarded().Single(), 200);
        var record = _store.Recorded.Single();
        Assert.That((record.CalleeE164, record.CalleeAccessE164), Is.EqualTo((Callee, "4008001234")));
    }

    [Test]
    public void AFailureOfTheCalleeIsRelayedAndRecorded()
    {
        RegisterCallee();
        SendAuthenticated();
        Answer(Forwarded().Single(), 486);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(486));
        Assert.That(_store.Recorded.Single().Status, Is.EqualTo(486));
    }

    [Test]
    public void WithTwoContactsTheFirst2xxWinsEvenAfterAFailure()
    {
        RegisterCallee("10.0.0.8");
        RegisterCallee("10.0.0.9");
        SendAuthenticated();
        var forks = Forwarded();
        Assert.That(forks, Has.Count.EqualTo(2));
        Answer(forks[0], 480);
        Assert.That(_transport.Responses().Where(r => r.StatusCode >= 400 && r.StatusCode != 407), Is.Empty, "one fork is still out");
        Answer(forks[1], 202);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(202));
        Assert.That(_store.Recorded.Single().Status, Is.EqualTo(202));
    }

    [Test]
    public void WhenEveryForkFailsTheBestFailureIsAnswered()
    {
        RegisterCallee("10.0.0.8");
        RegisterCallee("10.0.0.9");
        SendAuthenticated();
        var forks = Forwarded();
        Answer(forks[0], 486);
        Answer(forks[1], 603);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(603));
    }

    [Test]
    public void ACalleeThatNeverAnswersGets408AfterTimerF()
    {
        RegisterCallee();
        SendAuthenticated();
        _transport.Drop = m => m is SipRequest;
        for (int i = 0; i < 33; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(408));
        Assert.That(_store.Recorded.Single().Status, Is.EqualTo(408));
    }

    [Test]
    public void AnUnregisteredCalleeGets480AndItIsRecorded()
    {
        SendAuthenticated();
        Assert.That(Forwarded(), Is.Empty);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(480));
        Assert.That(_store.Recorded.Single().Status, Is.EqualTo(480));
    }

    [Test]
    public void AnUnknownNumberGets404()
    {
        SendAuthenticated(to: "5555");
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(404));
        Assert.That(_store.Recorded.Single().CalleeE164, Is.EqualTo("5555"));
    }

    [TestCase(PhoneLockType.CallOut, Caller)]
    [TestCase(PhoneLockType.All, Caller)]
    [TestCase(PhoneLockType.CallIn, Callee)]
    public void ALockedPhoneGets403(PhoneLockType lockType, string locked)
    {
        RegisterCallee();
        var phone = _phones.Entries[locked];
        _phones.Entries[locked] = phone with { LockType = lockType, Locked = lockType == PhoneLockType.All };
        SendAuthenticated();
        Assert.That(Forwarded(), Is.Empty);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(403));
    }

    [Test]
    public void ALockedAccountGets403()
    {
        RegisterCallee();
        _phones.Entries[Callee] = _phones.Entries[Callee] with { AccountLocked = true };
        SendAuthenticated();
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(403));
    }

    [Test]
    public void ABodyOver1300BytesGets413AndIsNotKept()
    {
        RegisterCallee();
        SendAuthenticated(body: new string('x', MessageRelay.MaxBodyBytes + 1));
        Assert.That(Forwarded(), Is.Empty);
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(413));
        Assert.That(_store.Recorded.Single().Body.IsEmpty, Is.True);
    }

    [Test]
    public void ABodyOfExactly1300BytesIsRelayed()
    {
        RegisterCallee();
        SendAuthenticated(body: new string('x', MessageRelay.MaxBodyBytes));
        Assert.That(Forwarded().Single().Body.Length, Is.EqualTo(MessageRelay.MaxBodyBytes));
    }

    [Test]
    public void AWrongPasswordGets403AndNothingIsRecorded()
    {
        RegisterCallee();
        SendAuthenticated(password: "guess");
        Assert.That(FinalToSender().StatusCode, Is.EqualTo(403));
        Assert.That(_store.Recorded, Is.Empty);
    }
}
