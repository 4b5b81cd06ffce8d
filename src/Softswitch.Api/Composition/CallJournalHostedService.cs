using Softswitch.Core.Journal;

namespace Softswitch.Api.Composition;

/// <summary>
/// The live-call journal for the host's lifetime (docs/crash-recovery.md). At start, before the SIP engine listens
/// (it is registered after this service), writes the CDRs of the calls an earlier process left connected, then starts
/// the journal writer; the BYEs for those calls follow once SIP listens (<see cref="Hosting.RecoveredCallByeHostedService"/>).
/// At stop, after the SIP engine has ended the calls, drains the writer.
/// </summary>
internal sealed partial class CallJournalHostedService(
    CallJournalRecovery recovery,
    CallJournal journal,
    ILogger<CallJournalHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int written = await recovery.WriteCdrsAsync(cancellationToken);
        if (recovery.Recovered.Count > 0)
        {
            LogRecovered(recovery.Recovered.Count, written);
        }
        if (recovery.Damaged > 0)
        {
            LogDamaged(recovery.Damaged);
        }
        journal.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await journal.StopAsync(cancellationToken);
        if (journal.LastError is { } error)
        {
            LogWriteFailed(error, journal.WriteFailures, journal.Lost);
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning,
        Message = "{Calls} calls were connected when the switch last stopped without ending them; {Written} CDRs written with end reason SwitchRestarted")]
    private partial void LogRecovered(int calls, int written);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Error,
        Message = "{Rows} call journal rows could not be read and were dropped: those calls have no CDR and their legs no BYE")]
    private partial void LogDamaged(int rows);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "Call journal writes failed {Failures} times ({Lost} calls lost); last error")]
    private partial void LogWriteFailed(Exception exception, long failures, long lost);
}
