using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Sip.Trunks;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// A built-in SIP endpoint standing in for a carrier (issue 11 "Simulated carriers"): its own transaction layer on
/// its own loopback port, answering INVITEs as a UAS with the behaviour of its <see cref="SimulatedCarrierDefinition"/>,
/// optionally accepting the switch's registration or registering to the switch itself. Runs on the shared timer wheel.
/// </summary>
public sealed partial class SimulatedCarrier : ISipTransactionUser, IDisposable
{
    /// <summary>Calls one carrier holds at once; more get 503 (a bound on what a hostile caller can make it keep).</summary>
    public const int MaxCalls = 10_000;

    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly IDisposable? _ownedTransport;
    private readonly SimulatedRegistrar? _registrar;
    private readonly UpstreamRegistrar? _registration;
    private long _invites;
    private long _answered;
    private long _busy;
    private long _noAnswer;
    private long _rejected;

    /// <param name="transport">Where its messages go (a <see cref="SipTransportSet"/> on its port, or a test fake).</param>
    /// <param name="ownsTransport">Dispose <paramref name="transport"/> with the carrier.</param>
    public SimulatedCarrier(SimulatedCarrierDefinition definition, ISipTransport transport, bool ownsTransport, TimerWheel wheel,
        SipTimerOptions timers, TimeProvider time, ILoggerFactory loggers, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(transport);
        Definition = definition.Copy();
        Wheel = wheel;
        Logger = loggers.CreateLogger<SimulatedCarrier>();
        _ownedTransport = ownsTransport ? transport as IDisposable : null;
        Picker = new SimulatedOutcomePicker(Definition, random ?? (Definition.Seed is { } seed ? new Random(seed) : new Random()));
        Layer = new SipTransactionLayer(transport, this, wheel, timers, loggers.CreateLogger<SipTransactionLayer>());
        var local = transport.LocalEndPoint(SipTransportKind.Udp).EndPoint;
        LocalEndPoint = local;
        BindAddress = IPAddress.Parse(Definition.BindAddress);
        Contact = $"<sip:{Definition.Name}@{(local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + local.Address + "]" : local.Address.ToString())}:{local.Port}>";
        if (Definition.RegistrarUser is not null)
        {
            _registrar = new SimulatedRegistrar(Definition, time);
        }
        if (Definition.RegisterTo is not null)
        {
            var target = IPEndPoint.Parse(Definition.RegisterTo);
            var self = new Core.Gateways.RoutingGateway
            {
                Name = Definition.RegisterUser!,
                Password = Definition.RegisterPassword!,
                RemoteIp = target.Address.ToString(),
                SignalPort = target.Port,
                RegisterType = Core.Gateways.GatewayRegisterType.Register,
            };
            _registration = new UpstreamRegistrar(Layer, () => [self], new Core.Gateways.GatewayPresence(),
                new UpstreamRegistrationOptions { ExpiresSeconds = Definition.RegisterExpiresSeconds }, time,
                loggers.CreateLogger<UpstreamRegistrar>());
        }
    }

    public SimulatedCarrierDefinition Definition { get; }

    /// <summary>Where it listens (the port actually bound when the definition said 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    public int Port => LocalEndPoint.Port;

    public int ActiveCalls => _calls.Count;

    public SimulatedCarrierCounters Counters => new(
        Interlocked.Read(ref _invites), Interlocked.Read(ref _answered), Interlocked.Read(ref _busy),
        Interlocked.Read(ref _noAnswer), Interlocked.Read(ref _rejected), _registrar?.BindingCount ?? 0);

    /// <summary>State of its own registration to the switch (registerTo), or null when it does not register.</summary>
    public UpstreamRegistrationState? RegistrationState => _registration?.StateOf(Definition.RegisterUser!);

    internal SipTransactionLayer Layer { get; }

    internal TimerWheel Wheel { get; }

    internal SimulatedOutcomePicker Picker { get; }

    internal IPAddress BindAddress { get; }

    internal string Contact { get; }

    internal ILogger Logger { get; }

    /// <summary>Starts its registration to the switch, when it has one (the SIP socket must already listen).</summary>
    public void Start() => _registration?.Start();

    /// <summary>Unregisters from the switch (when registered), ends its calls and closes its port.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_registration is not null)
        {
            await _registration.StopAsync(timeout);
        }
        Dispose();
    }

    public void Dispose()
    {
        foreach (var call in _calls.Values)
        {
            call.Abandon();
        }
        _ownedTransport?.Dispose();
    }

    internal void Forget(SimulatedCall call) => _calls.TryRemove(KeyValuePair.Create(call.CallId, call));

    private void Count(SimulatedOutcome outcome)
    {
        switch (outcome)
        {
            case SimulatedOutcome.Answer:
                Interlocked.Increment(ref _answered);
                break;
            case SimulatedOutcome.Busy:
                Interlocked.Increment(ref _busy);
                break;
            case SimulatedOutcome.NoAnswer:
                Interlocked.Increment(ref _noAnswer);
                break;
            default:
                Interlocked.Increment(ref _rejected);
                break;
        }
    }
}
