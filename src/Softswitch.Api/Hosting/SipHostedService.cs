using Microsoft.Extensions.Options;
using Softswitch.Core.Phones;
using Softswitch.Core.Registrations;
using Softswitch.Sip;
using Softswitch.Sip.Auth;
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
    IPhoneDirectory phones,
    RegistrationTable registrations,
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
        var engine = new SipEngine(transport.Value, registrar.Value, auth.Value, timers.Value, phones, registrations, time, loggers);
        engine.Start(_stopping.Token);
        _engine = engine;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _engine?.Dispose();
        _engine = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _engine?.Dispose();
        _stopping.Dispose();
    }
}
