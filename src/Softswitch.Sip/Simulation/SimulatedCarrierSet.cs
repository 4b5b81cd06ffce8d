using Microsoft.Extensions.Logging;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// The simulated carriers running in this process, by name: started from configuration, created and removed at run
/// time through the HTTP extension. Each listens with its own UDP+TCP transports on its loopback port; all share the
/// engine's timer wheel. Thread-safe.
/// </summary>
public sealed class SimulatedCarrierSet : IAsyncDisposable
{
    private readonly Dictionary<string, (SimulatedCarrier Carrier, CancellationTokenSource Stop)> _carriers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimerWheel _wheel;
    private readonly SipTimerOptions _timers;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public SimulatedCarrierSet(TimerWheel wheel, SipTimerOptions timers, TimeProvider time, ILoggerFactory loggers)
    {
        _wheel = wheel;
        _timers = timers;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>A set on the timer wheel of a running engine.</summary>
    public static SimulatedCarrierSet ForEngine(SipEngine engine, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new SimulatedCarrierSet(engine.Transactions.Wheel, engine.Transactions.Options, time, loggers);
    }

    public IReadOnlyList<SimulatedCarrier> All
    {
        get
        {
            lock (_lock)
            {
                return _carriers.Values.Select(c => c.Carrier).OrderBy(c => c.Definition.Name, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public SimulatedCarrier? Find(string name)
    {
        lock (_lock)
        {
            return _carriers.TryGetValue(name, out var entry) ? entry.Carrier : null;
        }
    }

    /// <summary>Validates, binds and starts a carrier; a refusal names the field at fault and nothing is left open.</summary>
    public (SimulatedCarrier? Carrier, SimulatedCarrierRefusal? Refusal) Create(SimulatedCarrierDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (SimulatedCarrierRules.Check(definition) is { } problem)
        {
            return (null, new(SimulatedCarrierRefusalKind.Invalid, problem.Field, problem.Reason));
        }
        lock (_lock)
        {
            if (_carriers.ContainsKey(definition.Name))
            {
                return (null, new(SimulatedCarrierRefusalKind.Duplicate, "name", $"a simulated carrier named '{definition.Name}' already exists"));
            }
            SimulatedCarrier? carrier = null;
            SipTransportSet transports;
            try
            {
                var options = new SipTransportOptions
                {
                    BindAddress = definition.BindAddress,
                    Port = definition.Port,
                    AdvertisedAddress = definition.BindAddress,
                    UdpReceiveBufferBytes = 256 * 1024,
                    MaxTcpConnections = 100,
                };
                transports = new SipTransportSet(options, SipParserLimits.Default, m => carrier?.Layer.HandleIncoming(m), _time, _loggers);
            }
            catch (SipBindException e)
            {
                return (null, new(SimulatedCarrierRefusalKind.PortUnavailable, "port", $"{definition.BindAddress}:{definition.Port} cannot be bound ({e.Transport.ToString().ToUpperInvariant()}: {e.SocketError})"));
            }
            carrier = new SimulatedCarrier(definition, transports, ownsTransport: true, _wheel, _timers, _time, _loggers);
            var stop = new CancellationTokenSource();
            transports.Start(stop.Token);
            carrier.Start();
            _carriers[definition.Name] = (carrier, stop);
            return (carrier, null);
        }
    }

    /// <summary>Stops and removes a carrier (unregistering it from the switch first); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string name)
    {
        (SimulatedCarrier Carrier, CancellationTokenSource Stop) entry;
        lock (_lock)
        {
            if (!_carriers.Remove(name, out entry))
            {
                return false;
            }
        }
        await StopAsync(entry);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        (SimulatedCarrier, CancellationTokenSource)[] all;
        lock (_lock)
        {
            all = [.. _carriers.Values];
            _carriers.Clear();
        }
        foreach (var entry in all)
        {
            await StopAsync(entry);
        }
    }

    private static async Task StopAsync((SimulatedCarrier Carrier, CancellationTokenSource Stop) entry)
    {
        await entry.Carrier.StopAsync(TimeSpan.FromSeconds(2));
        await entry.Stop.CancelAsync();
        entry.Stop.Dispose();
    }
}
