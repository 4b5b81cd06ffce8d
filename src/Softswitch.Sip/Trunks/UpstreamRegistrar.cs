using Microsoft.Extensions.Logging;
using Softswitch.Core.Gateways;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Trunks;

/// <summary>
/// Keeps one <see cref="UpstreamRegistration"/> per SIP routing gateway with registerType 2 (001_… §3.16): compares
/// the gateway table with the running registrations on a recurring timer-wheel entry, so a gateway created, changed
/// or deleted through the API is registered, re-registered or unregistered without a restart, and nothing runs a
/// thread or a Task.Delay of its own.
/// </summary>
public sealed class UpstreamRegistrar : ITimerTarget
{
    private readonly Func<IEnumerable<RoutingGateway>> _gateways;
    private readonly Dictionary<string, UpstreamRegistration> _running = new(StringComparer.Ordinal);
    private readonly List<UpstreamRegistration> _leaving = [];
    private readonly HashSet<string> _reportedUnusable = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private TimerHandle _reconcile;
    private bool _stopped;

    /// <param name="layer">The transaction layer the REGISTERs go through (its timer wheel drives every wait).</param>
    /// <param name="gateways">The current routing gateways (the host passes GatewayState's table).</param>
    public UpstreamRegistrar(SipTransactionLayer layer, Func<IEnumerable<RoutingGateway>> gateways, GatewayPresence presence,
        UpstreamRegistrationOptions options, TimeProvider time, ILogger<UpstreamRegistrar> logger)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        _gateways = gateways;
        Presence = presence;
        Options = options;
        Time = time;
        Logger = logger;
    }

    internal SipTransactionLayer Layer { get; }

    internal TimerWheel Wheel => Layer.Wheel;

    internal GatewayPresence Presence { get; }

    internal UpstreamRegistrationOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal SipEndPoint LocalEndPoint => Layer.Transport.LocalEndPoint(SipTransportKind.Udp);

    /// <summary>Registers what the table asks for now, then keeps comparing every reconcile interval.</summary>
    public void Start()
    {
        Reconcile();
        lock (_lock)
        {
            if (!_stopped)
            {
                _reconcile = Wheel.Schedule(TimeSpan.FromMilliseconds(Options.ReconcileIntervalMilliseconds), this, 0);
            }
        }
    }

    /// <summary>The state of the registration for gateway <paramref name="name"/>, or null when there is none.</summary>
    public UpstreamRegistrationState? StateOf(string name)
    {
        lock (_lock)
        {
            return _running.TryGetValue(name, out var registration) ? registration.State : null;
        }
    }

    /// <summary>Brings the running registrations in line with the gateway table.</summary>
    public void Reconcile()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }
            var wanted = new Dictionary<string, UpstreamTarget>(StringComparer.Ordinal);
            foreach (var gateway in _gateways())
            {
                if (gateway.RegisterType != GatewayRegisterType.Register || gateway.Protocol != GatewayProtocol.Sip)
                {
                    continue;
                }
                if (UpstreamTarget.TryCreate(gateway, out string? problem) is { } target)
                {
                    wanted[gateway.Name] = target;
                    _reportedUnusable.Remove(gateway.Name);
                }
                else if (_reportedUnusable.Add(gateway.Name))
                {
                    UpstreamLog.Unusable(Logger, gateway.Name, problem!);
                }
            }
            foreach (var (name, registration) in _running.ToArray())
            {
                if (!wanted.TryGetValue(name, out var target) || target != registration.Target)
                {
                    UpstreamLog.Changed(Logger, name);
                    _running.Remove(name);
                    Retire(registration);
                }
            }
            foreach (var (name, target) in wanted)
            {
                if (!_running.ContainsKey(name))
                {
                    var registration = new UpstreamRegistration(this, target);
                    _running[name] = registration;
                    registration.Start();
                }
            }
            _leaving.RemoveAll(r => r.State == UpstreamRegistrationState.Ended);
        }
    }

    public void OnTimer(int kind, TimerHandle handle)
    {
        Reconcile();
        lock (_lock)
        {
            if (!_stopped && handle == _reconcile)
            {
                _reconcile = Wheel.Schedule(TimeSpan.FromMilliseconds(Options.ReconcileIntervalMilliseconds), this, 0);
            }
        }
    }

    /// <summary>Unregisters every binding (Expires: 0) and waits for the answers, at most <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        Task[] ending;
        lock (_lock)
        {
            _stopped = true;
            Wheel.Cancel(_reconcile);
            foreach (var registration in _running.Values)
            {
                Retire(registration);
            }
            _running.Clear();
            ending = _leaving.Select(r => r.Ended).ToArray();
        }
        await Task.WhenAny(Task.WhenAll(ending), Task.Delay(timeout, Time));
    }

    private void Retire(UpstreamRegistration registration)
    {
        registration.Stop();
        if (registration.State != UpstreamRegistrationState.Ended)
        {
            _leaving.Add(registration);
        }
    }
}
