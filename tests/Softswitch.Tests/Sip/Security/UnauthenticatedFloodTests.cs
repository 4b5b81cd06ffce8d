using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip.Security;

/// <summary>
/// The router with the per-source limit, over the recording transport and a fake clock (issue 12, reflection and
/// unauthenticated floods): past the limit a request from an unregistered source gets no answer at all, a registered
/// phone behind the same address is still served, and nothing a stranger sends is logged above Debug.
/// </summary>
public class UnauthenticatedFloodTests
{
    private const string Password = "secret-1001";
    private static readonly IPEndPoint Phone = new(IPAddress.Parse("203.0.113.5"), 5070);
    private static readonly IPEndPoint Stranger = new(IPAddress.Parse("203.0.113.5"), 5080);

    private FakeTimeProvider _time = null!;
    private TimerWheel _wheel = null!;
    private FakeTransport _transport = null!;
    private SipTransactionLayer _layer = null!;
    private RecordingLogger<Softswitch.Sip.Registrar.Registrar> _registrarLog = null!;
    private RecordingLogger<SipRequestRouter> _routerLog = null!;
    private int _branch;

    private sealed class Phones : IPhoneDirectory
    {
        private readonly PhoneCredentials _phone = new("1001", Password, "acme", false);

        public PhoneCredentials? FindCredentials(string e164) => e164 == _phone.E164 ? _phone : null;

        public PhoneCredentials? FindByNumber(string number) => FindCredentials(number);
    }

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        _wheel = new TimerWheel(_time);
        _transport = new FakeTransport(_time);
        _registrarLog = new RecordingLogger<Softswitch.Sip.Registrar.Registrar>(LogLevel.Information);
        _routerLog = new RecordingLogger<SipRequestRouter>(LogLevel.Information);
        var registrar = new Softswitch.Sip.Registrar.Registrar(new RegistrarOptions(), new AuthOptions(), new Phones(), new RegistrationTable(), _time, _registrarLog);
        var router = new SipRequestRouter(registrar, _routerLog);
        _layer = new SipTransactionLayer(_transport, router, _wheel);
        router.Attach(_layer);
        var options = new UnauthenticatedLimitOptions { MaxRequests = 5, WindowSeconds = 10 };
        router.Attach(new UnauthenticatedLimiter(options, _time, NullLogger<UnauthenticatedLimiter>.Instance));
    }

    [TearDown]
    public void TearDown() => _wheel.Dispose();

    private SipRequest Request(SipMethod method, IPEndPoint source, string? toTag = null, string? branch = null, string? authorization = null)
    {
        var request = new SipRequest(method, SipUri.Parse("sip:192.0.2.1"));
        request.Headers.Add(HeaderKind.Via, $"SIP/2.0/UDP {source};branch={branch ?? "z9hG4bKflood" + ++_branch};rport");
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        request.Headers.Add(HeaderKind.From, "<sip:1001@192.0.2.1>;tag=f" + _branch);
        request.Headers.Add(HeaderKind.To, toTag is null ? "<sip:1001@192.0.2.1>" : $"<sip:1001@192.0.2.1>;tag={toTag}");
        request.Headers.Add(HeaderKind.CallId, $"flood-{_branch}@203.0.113.5");
        request.Headers.Add(HeaderKind.CSeq, $"1 {method.ToText()}");
        request.Headers.Add(HeaderKind.Contact, $"<sip:1001@{source}>");
        if (authorization is not null)
        {
            request.Headers.Add(HeaderKind.Authorization, authorization);
        }
        request.Source = new SipEndPoint(SipTransportKind.Udp, source);
        return request;
    }

    private int AnswersTo(IPEndPoint source) => _transport.Sent.Count(s => s.Destination.EndPoint.Equals(source));

    private void RegisterPhone()
    {
        _layer.HandleIncoming(Request(SipMethod.Register, Phone));
        var challenge = _transport.Responses(401).Last();
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "1001", Password, "REGISTER",
            "sip:192.0.2.1", out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        _layer.HandleIncoming(Request(SipMethod.Register, Phone, authorization: authorization));
        Assert.That(_transport.Responses(200), Has.Count.EqualTo(1), "the phone registered");
    }

    [Test]
    public void PastTheLimitAStrangersRequestsGetNoAnswerAndLeaveNoTransaction()
    {
        for (int i = 0; i < 20; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Register, Stranger));
        }

        Assert.That(_transport.Responses(401), Has.Count.EqualTo(5));
        Assert.That(_layer.ServerCount, Is.EqualTo(5), "dropped requests hold no transaction");
    }

    [Test]
    public void ADroppedInviteCausesNoDatagramAtAllWhileAnAnsweredOneIsRetransmitted()
    {
        for (int i = 0; i < 20; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Invite, Stranger));
        }
        for (int step = 0; step < 3300; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Each answered INVITE: its final response and 10 timer G retransmissions, since a forged source never ACKs.
        Assert.That(_transport.Sent, Has.Count.EqualTo(5 * 11));
        Assert.That(_layer.ServerCount, Is.Zero);
    }

    [Test]
    public void InDialogRequestsMatchingNoDialogAreCountedToo()
    {
        for (int i = 0; i < 20; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Bye, Stranger, toTag: "gone"));
        }
        Assert.That(_transport.Responses(481), Has.Count.EqualTo(5));
    }

    [Test]
    public void ARegisteredPhoneBehindTheFloodingAddressIsStillServed()
    {
        RegisterPhone();
        for (int i = 0; i < 20; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Options, Stranger));
        }
        Assert.That(AnswersTo(Stranger), Is.EqualTo(3), "the phone's two REGISTERs took two of the address's five");

        int before = AnswersTo(Phone);
        for (int i = 0; i < 20; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Options, Phone));
        }
        Assert.That(AnswersTo(Phone) - before, Is.EqualTo(20));
    }

    [Test]
    public void ARetransmissionOfADroppedRequestIsAnsweredOnceTheWindowSlides()
    {
        for (int i = 0; i < 5; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Register, Stranger));
        }
        var dropped = Request(SipMethod.Register, Stranger);
        _layer.HandleIncoming(dropped);
        Assert.That(_transport.Responses(401), Has.Count.EqualTo(5));

        _time.Advance(TimeSpan.FromSeconds(20));
        var retransmission = Request(SipMethod.Register, Stranger, branch: dropped.TopVia.Branch);
        _layer.HandleIncoming(retransmission);

        Assert.That(_transport.Responses(401).Last().CallId, Is.EqualTo(retransmission.CallId));
        Assert.That(_transport.Responses(401), Has.Count.EqualTo(6));
    }

    [Test]
    public void AFloodOfWrongPasswordsLogsNothingAtInformation()
    {
        RegisterPhone();
        for (int i = 0; i < 20; i++)
        {
            _layer.HandleIncoming(Request(SipMethod.Register, Stranger));
            var challenge = _transport.Responses(401).LastOrDefault();
            if (challenge is null)
            {
                continue;
            }
            new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.WwwAuthenticate), "1001", "wrong", "REGISTER",
                "sip:192.0.2.1", out string? authorization);
            _layer.HandleIncoming(Request(SipMethod.Register, Stranger, authorization: authorization));
        }

        Assert.That(_transport.Responses(403), Is.Not.Empty, "wrong passwords were refused");
        Assert.That(_registrarLog.Lines.Concat(_routerLog.Lines), Is.Empty);
    }
}
