using Microsoft.Extensions.Options;
using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Core.TextMessages;
using Softswitch.Sip;
using Softswitch.Sip.B2bua;
using Softswitch.Sip.Media;
using Softswitch.Sip.Registrar;
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
    IOptions<RtpOptions> rtp,
    IPhoneDirectory phones,
    CallRegistry callRegistry,
    CdrRecorder cdrs,
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

    /// <summary>The relay binds where the configuration says and advertises the SIP address in SDP.</summary>
    private static RtpRelayOptions RelayOptions(RtpOptions rtp, SipTransportOptions sip)
    {
        if (!CommandLine.TryParseRange(rtp.Ports, out int first, out int last))
        {
            throw new InvalidOperationException($"rtp.ports '{rtp.Ports}' is not a range A-B"); // validated at start-up already
        }
        return new RtpRelayOptions
        {
            BindAddress = rtp.BindAddress,
            // SDP names the same address as Via/Contact unless the relay is given its own.
            AdvertisedAddress = rtp.AdvertisedAddress ?? RtpAdvertised(rtp, sip),
            PortRangeStart = first,
            PortRangeEnd = last,
        };
    }

    /// <summary>The relay bound to a specific address advertises it; bound to any, the SIP advertised address.</summary>
    private static string? RtpAdvertised(RtpOptions rtp, SipTransportOptions sip) =>
        System.Net.IPAddress.TryParse(rtp.BindAddress, out var bind) && !bind.Equals(System.Net.IPAddress.Any) && !bind.Equals(System.Net.IPAddress.IPv6Any)
            ? null
            : sip.ResolveAdvertisedAddress().ToString();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = new SipEngine(transport.Value, registrar.Value, auth.Value, timers.Value, calls.Value, new CallServices(callRegistry, cdrs), RelayOptions(rtp.Value, transport.Value), phones, registrations, messages, time, loggers);
        engine.Start(_stopping.Token);
        _engine = engine;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends every call cleanly (BYE both legs) before the sockets close (run contract, docs/architecture.md).
    /// </summary>
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
