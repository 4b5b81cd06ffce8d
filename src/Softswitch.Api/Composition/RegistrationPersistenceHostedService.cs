using Softswitch.Core.Gateways;
using Softswitch.Core.Registrations;

namespace Softswitch.Api.Composition;

/// <summary>
/// Registrations that survive a restart (docs/architecture.md "Registrations"): at start, before the SIP engine
/// listens (it is registered after this service), puts the bindings still live in the store back into
/// <see cref="RegistrationTable"/> and <see cref="GatewayPresence"/>, then attaches the <see cref="RegistrationWriter"/>
/// so every later change is written behind the SIP path. At stop, after the SIP engine (hosted services stop in reverse
/// order), waits until every change is written, so a binding answered with 200 is not lost by a clean stop.
/// </summary>
internal sealed partial class RegistrationPersistenceHostedService(
    IRegistrationStore store,
    RegistrationTable phones,
    GatewayPresence gateways,
    RegistrationWriter writer,
    TimeProvider time,
    ILogger<RegistrationPersistenceHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int restoredPhones = phones.Restore(await store.LoadPhoneBindingsAsync(now, cancellationToken), now);
        int restoredGateways = gateways.Restore(await store.LoadGatewayBindingsAsync(now, cancellationToken), now);
        phones.AttachJournal(writer);
        gateways.AttachJournal(writer);
        writer.Start();
        LogRestored(restoredPhones, restoredGateways);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await writer.StopAsync(cancellationToken);
        LogStopped(writer.Written, writer.Lost);
        if (writer.LastError is { } error)
        {
            LogWriteFailed(error, writer.WriteFailures);
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information,
        Message = "Restored {Phones} phone bindings and {Gateways} gateway registrations from the store")]
    private partial void LogRestored(int phones, int gateways);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information,
        Message = "Registration writer stopped: {Written} rows written, {Lost} changes lost")]
    private partial void LogStopped(long written, long lost);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Error, Message = "Registration writes failed {Failures} times; last error")]
    private partial void LogWriteFailed(Exception exception, long failures);
}
