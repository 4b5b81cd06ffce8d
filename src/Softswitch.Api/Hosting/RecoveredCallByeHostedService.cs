using Softswitch.Core.Journal;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Once the SIP engine listens (it is registered after <see cref="SipHostedService"/>), sends a BYE on each leg of
/// every call an earlier process left connected (their CDRs are already written), then deletes their journal rows
/// (docs/crash-recovery.md).
/// </summary>
internal sealed partial class RecoveredCallByeHostedService(
    SipHostedService sip,
    CallJournalRecovery recovery,
    ILogger<RecoveredCallByeHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (recovery.Recovered.Count == 0)
        {
            return;
        }
        var b2bua = sip.Engine.B2bua;
        int calls = recovery.Recovered.Count;
        int byes = await recovery.FinishAsync(leg => b2bua.SendRecoveredBye(leg), cancellationToken);
        LogFinished(calls, byes);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 7303, Level = LogLevel.Information, Message = "Recovered {Calls} calls: {Byes} BYEs sent, journal cleared")]
    private partial void LogFinished(int calls, int byes);
}
