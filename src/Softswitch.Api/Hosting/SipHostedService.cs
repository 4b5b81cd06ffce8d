using Microsoft.Extensions.Options;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Gateways;
using Softswitch.Core.Journal;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Core.TextMessages;
using Softswitch.Sip;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Media;
using Softswitch.Sip.Overload;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Hosting;

/// <summary>Runs the SIP engine for the life of the host; <see cref="IsListening"/> feeds /healthz.</summary>
public sealed class SipHostedService(
    IOptions<SipTransportOptions> transport,
    IOptions<RegistrarOptions> registrar,
    IOptions<AuthOptions> auth,
    IOptions<SipTimerOptions> timers,
    IOptions<B2buaOptions> calls,
    IOptions<RtpRelayOptions> rtp,
    IOptions<UnauthenticatedLimitOptions> unauthenticated,
    IOptions<OverloadOptions> overload,
    IPhoneDirectory phones,
    GatewayRegistrations gateways,
    CallRegistry callRegistry,
    CdrRecorder cdrs,
    CallJournal journal,
    CallRouting routing,
    RegistrationTable registrations,
    TextMessageLog messages,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private SipEngine? _engine;

    public bool IsListening => _engine is not null;

    public int Port => _engine?.Port ?? throw new InvalidOperationException("the SIP engine is not started");

    public SipEngine Engine => _engine ?? throw new InvalidOperationException("the SIP engine is not started");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = new SipEngine(transport.Value, registrar.Value, auth.Value, timers.Value, calls.Value, new CallServices(callRegistry, cdrs, routing, journal), rtp.Value, phones, registrations, messages, time, loggers, gateways,
            unauthenticated.Value, overload.Value);
        try
        {
            if (calls.Value.RelayMedia)
            {
                EnsureRtpPortFree(engine.Relay, rtp.Value);
            }
        }
        catch
        {
            engine.Dispose();
            throw;
        }
        engine.Start(_stopping.Token);
        _engine = engine;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Other processes may hold some relay ports (those are skipped per call), but with none free every call would
    /// be refused: that is a start-up fault naming the range.
    /// </summary>
    private static void EnsureRtpPortFree(RtpRelay relay, RtpRelayOptions options)
    {
        if (relay.Ports.TryRent() is { } pair)
        {
            relay.Ports.Return(pair);
            return;
        }
        throw new StartupFaultException($"RTP ports {options.PortRangeStart}-{options.PortRangeEnd} on {options.BindAddress}: all already in use by another process (rtp.portRangeStart/rtp.portRangeEnd, --rtp-ports)");
    }

    /// <summary>Ends every call cleanly (BYE both legs) before the sockets close (run contract, docs/architecture.md).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_engine is { } engine)
        {
            await engine.B2bua.HangupAllAsync(TimeSpan.FromSeconds(3));
            // Let the BYEs leave before the transports close.
            await Task.Delay(100, CancellationToken.None);
        }
        _stopping.Cancel();
        _engine?.Dispose();
        _engine = null;
    }

    public void Dispose()
    {
        _engine?.Dispose();
        _stopping.Dispose();
    }
}
