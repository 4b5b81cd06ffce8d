using Softswitch.Core.Calls;
using Softswitch.Core.Cdrs;

namespace Softswitch.Core.Journal;

/// <summary>
/// Ends the calls an earlier switch process left connected (docs/crash-recovery.md), in two steps: before SIP listens,
/// <see cref="WriteCdrsAsync"/> writes one CDR per journalled call (end reason <see cref="EndReason.SwitchRestarted"/>,
/// stop time the process's last heartbeat), keyed so a repeated recovery writes none twice; once SIP listens,
/// <see cref="FinishAsync"/> sends a BYE on each leg and deletes the rows. A crash between the two steps repeats
/// both at the next start, without a second CDR.
/// </summary>
/// <param name="billing">Rates and charges each recovered CDR exactly once (its unique call key); null: written unrated.</param>
/// <param name="cdrs">Where <paramref name="billing"/> writes; needed with it.</param>
public sealed class CallJournalRecovery(ICallJournalStore store, CallJournal journal, Billing.CallBilling? billing = null, ICdrStore? cdrs = null)
{
    private IReadOnlyList<RecoveredCall> _recovered = [];

    /// <summary>The calls found by <see cref="WriteCdrsAsync"/>, not yet finished.</summary>
    public IReadOnlyList<RecoveredCall> Recovered => _recovered;

    /// <summary>Journal rows that could not be read at the last <see cref="WriteCdrsAsync"/> (deleted: no CDR, no BYE).</summary>
    public int Damaged { get; private set; }

    /// <summary>Loads the calls of earlier processes and writes their CDRs; returns how many CDRs were new.</summary>
    public async Task<int> WriteCdrsAsync(CancellationToken cancellationToken = default)
    {
        var load = await store.LoadAsync(journal.BootId, cancellationToken).ConfigureAwait(false);
        (_recovered, Damaged) = (load.Calls, load.Damaged);
        if (billing is null || cdrs is null)
        {
            return await store.WriteCdrsAsync(_recovered.Select(CdrOf).ToArray(), cancellationToken).ConfigureAwait(false);
        }
        // Rated and charged like any call: a CDR (and its charge) already written under the call key is skipped.
        int written = 0;
        foreach (var call in _recovered)
        {
            if (await billing.CreateAsync(CdrOf(call), cdrs, cancellationToken).ConfigureAwait(false) is not null)
            {
                written++;
            }
        }
        return written;
    }

    /// <summary>Sends a BYE on each leg of every recovered call (through <paramref name="sendBye"/>), then deletes their rows.</summary>
    public async Task<int> FinishAsync(Action<JournalledDialog> sendBye, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sendBye);
        var calls = _recovered;
        int byes = 0;
        foreach (var leg in calls.SelectMany(c => c.Call.Legs))
        {
            sendBye(leg);
            byes++;
        }
        await store.DeleteAsync(calls.Select(c => c.Call.Key).ToArray(), journal.BootId, cancellationToken).ConfigureAwait(false);
        _recovered = [];
        return byes;
    }

    /// <summary>
    /// The CDR of a recovered call: stop is the last time its process was known alive (never before the connect
    /// time), hold time the connected seconds up to then, rounded up as for any call (<see cref="CdrMapper"/>).
    /// </summary>
    public static Cdr CdrOf(RecoveredCall recovered)
    {
        ArgumentNullException.ThrowIfNull(recovered);
        var call = recovered.Call;
        var connected = call.ConnectedAt;
        var stop = recovered.LastAlive is { } alive && alive > connected ? alive : connected;
        int hold = CdrMapper.HoldSeconds((long)(stop - connected).TotalMilliseconds);
        return call.Cdr with
        {
            Start = connected.ToUnixTimeMilliseconds(),
            Stop = stop.ToUnixTimeMilliseconds(),
            HoldTime = hold,
            FeeTime = hold,
            EndReason = EndReason.SwitchRestarted,
            EndDirection = EndReasons.Of(EndReason.SwitchRestarted).Direction,
            CallKey = call.Key,
        };
    }
}
