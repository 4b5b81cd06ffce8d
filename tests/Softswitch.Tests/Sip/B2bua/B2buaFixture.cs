using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Alarms;
using Softswitch.Core.Calls;
using Softswitch.Core.Gateways;
using Softswitch.Tests.Core.Routing;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip;
using Softswitch.Sip.Auth;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Media;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Tests.Sip.Media;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>
/// The whole B2BUA (router, transaction layer, registrar, call mailboxes) over a recording transport and a fake
/// clock: phone 1001 calls phone 1002, registered at <see cref="CalleeAddress"/>. Calls run on their mailboxes, so
/// the helpers wait on conditions; <see cref="BarrierAsync"/> waits until the call has handled what was fed before.
/// </summary>
public abstract class B2buaFixture
{
    private protected static readonly IPEndPoint CallerAddress = new(IPAddress.Parse("198.51.100.10"), 5062);
    private protected static readonly IPEndPoint CalleeAddress = new(IPAddress.Parse("198.51.100.20"), 5070);
    private protected const string CallerCallId = "a-call@198.51.100.10";
    private protected const string CallerTag = "caller-tag";
    private protected const string CalleeTag = "callee-tag";

    private protected const string Sdp =
        "v=0\r\no=- 1 1 IN IP4 198.51.100.99\r\ns=-\r\nc=IN IP4 198.51.100.99\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private int _branch;
    private uint _calleeCSeq = 100;
    private RtpRelay _relay = null!;

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected TimerWheel Wheel { get; private set; } = null!;

    private protected RecordingTransport Transport { get; private set; } = null!;

    private protected SipTransactionLayer Layer { get; private set; } = null!;

    private protected Softswitch.Sip.B2bua.B2bua Switch { get; private set; } = null!;

    private protected SipTimerOptions Timers { get; } = new();

    /// <summary>The Core live calls (their records: state history, callee-side fields).</summary>
    private protected CallRegistry Registry { get; private set; } = null!;

    /// <summary>The CDRs of ended calls, in order.</summary>
    private protected CdrQueue Cdrs { get; private set; } = null!;

    /// <summary>
    /// The Core state the router reads (phones 1001 and 1002 of account acme, gateways, numbers), on the same clock;
    /// add gateways with <see cref="RouterFixture.Mapping"/> / <see cref="RouterFixture.Routing"/>.
    /// </summary>
    private protected RouterFixture Core { get; private set; } = null!;

    /// <summary>The live gateway statistics the calls report to.</summary>
    private protected GatewayStatistics Statistics { get; private set; } = null!;

    /// <summary>Illegal calls counted (no alarm store in the harness).</summary>
    private protected IllegalCallAlarms IllegalCalls { get; private set; } = null!;

    /// <summary>What the B2BUA logged.</summary>
    private protected ListLogger<Softswitch.Sip.B2bua.B2bua> Log { get; private set; } = null!;

    /// <summary>The attempt source of the next calls (read when a call is routed); null: one attempt, as for phones.</summary>
    private protected Func<IAttemptSource>? Attempts { get; set; }

    /// <summary>The relay the switch uses: 8 loopback ports, so two relayed calls at most.</summary>
    private protected RtpRelay Relay => _relay;

    /// <summary>The "calls" options; media relaying is off unless a test turns it on (it then binds loopback ports).</summary>
    private protected B2buaOptions CallOptions { get; private set; } = null!;

    /// <summary>The descriptor budget the relay draws on (null: unlimited); set before <see cref="BuildSwitch"/>.</summary>
    private protected DescriptorBudget? RelayDescriptors { get; set; }

    [SetUp]
    public void CreateSwitch()
    {
        Dialled = "1002";
        CallOptions = new B2buaOptions { RelayMedia = false };
        RelayDescriptors = null;
        BuildSwitch();
    }

    /// <summary>Builds the switch with the current <see cref="CallOptions"/> (after <see cref="DisposeSwitch"/> to rebuild).</summary>
    private protected void BuildSwitch()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Wheel = new TimerWheel(Time);
        Transport = new RecordingTransport(Time);
        Core = new RouterFixture(Time);
        Core.Phone("1001", p => p with { Password = "secret-a" }, register: false);
        Core.Phone("1002", p => p with { Password = "secret-b" }, register: false);
        var phones = new PhoneService(Core.Directory, Core.Registrations, Time);
        var registrations = Core.Registrations;
        var now = Time.GetUtcNow();
        registrations.Upsert(new RegistrationBinding("1002", "sip:1002@198.51.100.20:5070", "UDP", "198.51.100.20", 5070, "reg-1", 1, null, now, now.AddHours(1)));
        var registrar = new Softswitch.Sip.Registrar.Registrar(new RegistrarOptions(), new AuthOptions(), phones, registrations, Time, NullLogger<Softswitch.Sip.Registrar.Registrar>.Instance);
        var router = new SipRequestRouter(registrar, NullLogger<SipRequestRouter>.Instance);
        Layer = new SipTransactionLayer(Transport, router, Wheel, Timers);
        router.Attach(Layer);
        Registry = new CallRegistry(Time, new CallEvents());
        Cdrs = new CdrQueue(new CdrQueueOptions());
        Statistics = new GatewayStatistics(new GatewayStatisticsOptions(), Time);
        IllegalCalls = new IllegalCallAlarms(null, Time);
        var routing = new CallRouting(live => Core.RouterOver(live, Statistics, Statistics), Core.Gateways, Statistics, IllegalCalls);
        var journal = CreateJournal(Time);
        var services = new CallServices(Registry, new CdrRecorder(Registry, Cdrs, journal), routing, journal);
        (int first, int last) = LoopbackPorts.FreeRange(8);
        _relay = new RtpRelay(new RtpRelayOptions { BindAddress = "127.0.0.1", PortRangeStart = first, PortRangeEnd = last }, Time, NullLogger.Instance, RelayDescriptors);
        var authenticator = new Softswitch.Sip.Auth.PhoneRequestAuthenticator(registrar, phones, NullLogger<Softswitch.Sip.Auth.PhoneRequestAuthenticator>.Instance);
        var contacts = new Softswitch.Sip.Registrar.RegisteredContacts(registrations, Time);
        Log = new ListLogger<Softswitch.Sip.B2bua.B2bua>();
        Switch = new Softswitch.Sip.B2bua.B2bua(CallOptions, Timers, Layer, Wheel, Transport, authenticator, phones, contacts, services, _relay, Time,
            Log, (_, _) => Attempts?.Invoke() ?? SingleAttempt.Instance);
        router.Attach(Switch);
    }

    /// <summary>The live-call journal answered calls go to (none unless a test class gives one).</summary>
    private protected virtual Softswitch.Core.Journal.CallJournal? CreateJournal(TimeProvider time) => null;

    /// <summary>The number the caller's INVITEs dial (Request-URI and To user); 1002 unless a test changes it.</summary>
    private protected string Dialled { get; set; } = "1002";

    /// <summary>Refusals a test provokes on purpose; every other test ends with none.</summary>
    private protected long ExpectedRefusals { get; set; }

    /// <summary>Disposes the switch; every test ends with no refused bridge, leg or record transition (each a B2BUA bug).</summary>
    [TearDown]
    public void DisposeSwitch()
    {
        Wheel.Dispose();
        _relay.Dispose();
        Core.Dispose();
        Assert.That(Switch.RefusedTransitions, Is.EqualTo(ExpectedRefusals), "refused transitions (see the log for the Call-ID and the pair)");
    }

    /// <summary>Polls <paramref name="condition"/> (real time, at most 10 s): the call mailboxes run on the thread pool.</summary>
    private protected static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (int i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.That(condition(), Is.True, "timed out waiting for " + what);
    }

    /// <summary>
    /// The caller's INVITE through the 407 challenge; returns the authenticated one (CSeq 2) once leg B's INVITE is out.
    /// </summary>
    private protected async Task<SipRequest> CallAsync(string? supported = null, string? require = null, bool offer = true)
    {
        var invite = Invite(supported, require, offer);
        await WaitForAsync(() => Transport.Requests(SipMethod.Invite, CalleeAddress).Count == 1, "leg B's INVITE");
        return invite;
    }

    /// <summary>
    /// The caller's INVITE through the 407 challenge; returns the authenticated one (CSeq 2) once fed. Both come from
    /// <paramref name="from"/> (default <see cref="CallerAddress"/>), where the switch then answers.
    /// </summary>
    private protected SipRequest Invite(string? supported = null, string? require = null, bool offer = true, IPEndPoint? from = null,
        SipTransportKind transport = SipTransportKind.Udp)
    {
        from ??= CallerAddress;
        var first = CallerRequest(SipMethod.Invite, 1, toTag: null, Extra(supported, require), offer ? Sdp : null);
        first.Source = new SipEndPoint(transport, from);
        Layer.HandleIncoming(first);
        var challenge = Transport.Responses(407, from).Single();
        var error = new DigestClient().TryAuthorize(challenge.Headers.GetAll(HeaderKind.ProxyAuthenticate), "1001", "secret-a", "INVITE",
            first.RequestUri.ToString(), out string? authorization);
        Assert.That(error, Is.EqualTo(DigestParseError.None));
        var headers = Extra(supported, require);
        headers.Add((HeaderKind.ProxyAuthorization.ToText(), authorization!));
        var invite = CallerRequest(SipMethod.Invite, 2, toTag: null, headers, offer ? Sdp : null);
        invite.Source = first.Source;
        Layer.HandleIncoming(invite);
        return invite;
    }

    private static List<(string, string)> Extra(string? supported, string? require)
    {
        var extra = new List<(string, string)>();
        if (supported is not null)
        {
            extra.Add(("Supported", supported));
        }
        if (require is not null)
        {
            extra.Add(("Require", require));
        }
        return extra;
    }

    private protected SipRequest LegInvite => Transport.Requests(SipMethod.Invite, CalleeAddress).Single();

    /// <summary>A request from the caller in its dialog with the switch (To tag given once the switch has tagged it).</summary>
    private protected SipRequest CallerRequest(SipMethod method, uint cseq, string? toTag, IEnumerable<(string Name, string Value)>? extra = null, string? sdp = null)
    {
        var request = new SipRequest(method, SipUri.Parse(toTag is null ? (Dialled.Length == 0 ? "sip:192.0.2.1" : $"sip:{Dialled}@192.0.2.1") : "sip:1002@192.0.2.1:5060"));
        request.Headers.Add(HeaderKind.Via, $"SIP/2.0/UDP 198.51.100.10:5062;branch=z9hG4bKcaller{Interlocked.Increment(ref _branch)}");
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        request.Headers.Add(HeaderKind.From, $"<sip:1001@198.51.100.10>;tag={CallerTag}");
        request.Headers.Add(HeaderKind.To, toTag is null ? $"<sip:{Dialled}@192.0.2.1>".Replace("sip:@", "sip:", StringComparison.Ordinal) : $"<sip:{Dialled}@192.0.2.1>;tag={toTag}");
        request.Headers.Add(HeaderKind.CallId, CallerCallId);
        request.Headers.Add(HeaderKind.CSeq, $"{cseq} {method.ToText()}");
        request.Headers.Add(HeaderKind.Contact, "<sip:1001@198.51.100.10:5062>");
        foreach (var (name, value) in extra ?? [])
        {
            request.Headers.Add(name, value);
        }
        WithBody(request, sdp);
        request.Source = new SipEndPoint(SipTransportKind.Udp, CallerAddress);
        return request;
    }

    /// <summary>CANCEL from the caller for its INVITE: same Via branch and CSeq number (RFC 3261 §9.1).</summary>
    private protected SipRequest CallerCancel(SipRequest invite)
    {
        var cancel = CallerRequest(SipMethod.Cancel, invite.CSeq.Number, null);
        cancel.Headers.Set(HeaderKind.Via, invite.Headers.Get(HeaderKind.Via)!);
        return cancel;
    }

    /// <summary>PRACK from the caller for a reliable provisional it got, with the RAck given (or the right one).</summary>
    private protected SipRequest CallerPrack(SipResponse provisional, uint cseq, string? rack = null)
    {
        string right = $"{provisional.Headers.Get("RSeq")} {provisional.CSeq.Number} INVITE";
        return CallerRequest(SipMethod.Prack, cseq, provisional.To.Tag, [("RAck", rack ?? right)]);
    }

    /// <summary>A response from the callee to leg B's INVITE, reliable when <paramref name="rseq"/> is given.</summary>
    private protected SipResponse CalleeResponse(int status, uint? rseq = null, string? sdp = null, string tag = CalleeTag, string? contact = "<sip:1002@198.51.100.20:5071>",
        SipRequest? invite = null)
    {
        var response = SipResponseFactory.Create(invite ?? LegInvite, status, toTag: tag);
        if (contact is not null)
        {
            response.Headers.Add(HeaderKind.Contact, contact);
        }
        if (rseq is { } n)
        {
            response.Headers.Add(HeaderKind.Require, "100rel");
            response.Headers.Add("RSeq", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        WithBody(response, sdp);
        response.Source = new SipEndPoint(SipTransportKind.Udp, CalleeAddress);
        return response;
    }

    private protected void Feed(SipMessage message) => Layer.HandleIncoming(message);

    /// <summary>
    /// Waits until the call has handled everything fed before: an OPTIONS from the callee on leg B goes through the same
    /// mailbox, after them, and is answered by the call itself (405, before and after answer).
    /// </summary>
    private protected async Task BarrierAsync()
    {
        var options = CalleeRequest(SipMethod.Options);
        uint cseq = options.CSeq.Number;
        Feed(options);
        await WaitForAsync(() => Transport.Sent().Any(s => s.Message is SipResponse r && r.CSeq.Method == SipMethod.Options && r.CSeq.Number == cseq),
            "the barrier OPTIONS's answer");
    }

    /// <summary>A request from the callee in leg B's dialog, with its next CSeq, from <paramref name="from"/> (default <see cref="CalleeAddress"/>).</summary>
    private protected SipRequest CalleeRequest(SipMethod method, IPEndPoint? from = null)
    {
        var leg = LegInvite;
        uint cseq = ++_calleeCSeq;
        var request = new SipRequest(method, SipUri.Parse("sip:1001@192.0.2.1:5060"));
        request.Headers.Add(HeaderKind.Via, $"SIP/2.0/UDP 198.51.100.20:5070;branch=z9hG4bKcallee{Interlocked.Increment(ref _branch)}");
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        request.Headers.Add(HeaderKind.From, $"<sip:1002@198.51.100.20>;tag={CalleeTag}");
        request.Headers.Add(HeaderKind.To, leg.Headers.Get(HeaderKind.From)!);
        request.Headers.Add(HeaderKind.CallId, leg.CallId);
        request.Headers.Add(HeaderKind.CSeq, $"{cseq} {method.ToText()}");
        request.Source = new SipEndPoint(SipTransportKind.Udp, from ?? CalleeAddress);
        return request;
    }

    /// <summary>
    /// A call answered by the callee (200 from <see cref="CalleeAddress"/>) and ACKed by the caller: Connected. Returns
    /// the To tag of the caller's dialog.
    /// </summary>
    private protected async Task<string> ConnectedAsync()
    {
        await CallAsync();
        Feed(CalleeResponse(200, sdp: Sdp));
        await WaitForAsync(() => Transport.Responses(200, CallerAddress, SipMethod.Invite).Count == 1, "the caller's 200");
        string toTag = Transport.Responses(200, CallerAddress, SipMethod.Invite).Single().To.Tag!;
        Feed(CallerRequest(SipMethod.Ack, 2, toTag));
        await WaitForAsync(() => Switch.Calls.Single().State == BridgeState.Connected, "the caller's ACK");
        return toTag;
    }

    /// <summary>The one CDR of the call (reading takes it out of the queue: wait for it to be there, then read it once).</summary>
    private protected async Task<Cdr> CdrAsync()
    {
        await WaitForAsync(() => Cdrs.Count == 1, "the CDR");
        Assert.That(Cdrs.Reader.TryRead(out var cdr), Is.True);
        return cdr!;
    }

    /// <summary>Moves the fake clock in 10 ms steps (the wheel's tick), so timers fire at their own time.</summary>
    private protected void Advance(TimeSpan duration)
    {
        var step = TimeSpan.FromMilliseconds(10);
        for (var done = TimeSpan.Zero; done < duration; done += step)
        {
            Time.Advance(step);
        }
    }

    private static void WithBody(SipMessage message, string? sdp)
    {
        if (sdp is not null)
        {
            message.Headers.Add(HeaderKind.ContentType, "application/sdp");
            message.Body = Encoding.ASCII.GetBytes(sdp);
        }
    }
}
