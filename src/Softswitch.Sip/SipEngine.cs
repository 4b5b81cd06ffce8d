using Microsoft.Extensions.Logging;
using Softswitch.Core.Gateways;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Core.TextMessages;
using Softswitch.Sip.Auth;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Media;
using Softswitch.Sip.Messaging;
using Softswitch.Sip.Overload;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip;

/// <summary>
/// The SIP engine: UDP+TCP transports, the transaction layer on one timer wheel, and the request router with the
/// registrar, the B2BUA and the MESSAGE relay behind it. Everything in it runs on the injected clock. Without
/// <c>gateways</c> only phones register (test rigs); the host passes the registerType 1 gateways.
/// </summary>
public sealed class SipEngine : IDisposable
{
    private readonly SipTransportSet _transports;
    private readonly TimerWheel _wheel;
    private readonly SipTransactionLayer _transactions;
    private readonly ITimer _sweep;
    private readonly ITimer _unauthenticatedSummary;
    private readonly LoadProbe _loadProbe;
    private readonly ITimer _overloadSummary;

    public SipEngine(
        SipTransportOptions transportOptions,
        RegistrarOptions registrarOptions,
        AuthOptions authOptions,
        SipTimerOptions timerOptions,
        B2buaOptions callOptions,
        CallServices callServices,
        RtpRelayOptions relayOptions,
        IPhoneDirectory phones,
        RegistrationTable registrations,
        TextMessageLog messages,
        TimeProvider time,
        ILoggerFactory loggers,
        GatewayRegistrations? gateways = null,
        UnauthenticatedLimitOptions? unauthenticatedOptions = null,
        OverloadOptions? overloadOptions = null)
    {
        Registrar = new Registrar.Registrar(registrarOptions, authOptions, phones, gateways, registrations, time, loggers.CreateLogger<Registrar.Registrar>());
        var router = new SipRequestRouter(Registrar, loggers.CreateLogger<SipRequestRouter>());
        _wheel = new TimerWheel(time);
        SipTransactionLayer? layer = null;
        // One budget for SIP TCP connections and relay sockets, measured before either opens any (docs/hardening.md).
        var descriptors = DescriptorBudget.ForProcess();
        _transports = new SipTransportSet(transportOptions, SipParserLimits.Default, m => layer!.HandleIncoming(m), time, loggers, descriptors);
        layer = new SipTransactionLayer(_transports, router, _wheel, timerOptions, loggers.CreateLogger<SipTransactionLayer>());
        router.Attach(layer);
        _transactions = layer;
        Relay = new RtpRelay(relayOptions, time, loggers.CreateLogger<RtpRelay>(), descriptors);
        var authenticator = new PhoneRequestAuthenticator(Registrar, phones, loggers.CreateLogger<PhoneRequestAuthenticator>());
        var contacts = new RegisteredContacts(registrations, time);
        B2bua = new B2bua.B2bua(callOptions, timerOptions, layer, _wheel, _transports, authenticator, phones, contacts,
            callServices, Relay, time, loggers.CreateLogger<B2bua.B2bua>());
        router.Attach(B2bua);
        router.Attach(new MessageRelay(authenticator, phones, contacts, layer, messages, time, loggers.CreateLogger<MessageRelay>()));
        var every = TimeSpan.FromSeconds(registrarOptions.SweepIntervalSeconds);
        _sweep = time.CreateTimer(_ => Registrar.Sweep(), null, every, every);
        unauthenticatedOptions ??= new UnauthenticatedLimitOptions();
        Unauthenticated = new UnauthenticatedLimiter(unauthenticatedOptions, time, loggers.CreateLogger<UnauthenticatedLimiter>());
        router.Attach(Unauthenticated);
        var summaryEvery = TimeSpan.FromSeconds(unauthenticatedOptions.SummaryIntervalSeconds);
        _unauthenticatedSummary = time.CreateTimer(_ => Unauthenticated.ReportSummary(), null, summaryEvery, summaryEvery);
        overloadOptions ??= new OverloadOptions();
        Overload = new OverloadGuard(overloadOptions, time, loggers.CreateLogger<OverloadGuard>());
        layer.Admission = Overload;
        _loadProbe = new LoadProbe(Overload, () => _transports.UdpBacklog, time);
        var overloadEvery = TimeSpan.FromSeconds(overloadOptions.SummaryIntervalSeconds);
        _overloadSummary = time.CreateTimer(_ => Overload.ReportSummary(), null, overloadEvery, overloadEvery);
    }

    public int Port => _transports.Port;

    public Registrar.Registrar Registrar { get; }

    public B2bua.B2bua B2bua { get; }

    public RtpRelay Relay { get; }

    /// <summary>The per-source rate limit on requests from unregistered sources, and its summary counts.</summary>
    public UnauthenticatedLimiter Unauthenticated { get; }

    /// <summary>Early shedding of new calls and requests under overload, and its counts (docs/hardening.md "Overload").</summary>
    public OverloadGuard Overload { get; }

    public SipTransactionLayer Transactions => _transactions;

    public SipTransportSet Transports => _transports;

    public void Start(CancellationToken stopping) => _transports.Start(stopping);

    public void Dispose()
    {
        _sweep.Dispose();
        _unauthenticatedSummary.Dispose();
        _loadProbe.Dispose();
        _overloadSummary.Dispose();
        _transports.Dispose();
        _wheel.Dispose();
        Relay.Dispose();
    }
}
