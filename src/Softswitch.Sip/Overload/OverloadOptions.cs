using System.ComponentModel.DataAnnotations;

namespace Softswitch.Sip.Overload;

/// <summary>
/// The "sip.overload" section: when the switch refuses new calls and new transactions early, with 503 and
/// Retry-After, instead of taking on work it cannot finish (docs/hardening.md "Overload"; issue 12 items 1 and 10).
/// </summary>
public sealed class OverloadOptions
{
    public const string Section = "sip.overload";

    /// <summary>
    /// Load-adaptive shedding of new calls (the default signal, no tuning): how long work may wait for a thread before
    /// the switch counts itself overloaded. Measured every 50 ms by a probe queued behind the calls' work, and by how
    /// long the SIP receive loop has found datagrams waiting without a break. Above it the share of new calls admitted
    /// falls by a tenth per probe; below it, it rises again by a fiftieth. Keep it well under T1 (500 ms): past T1 the
    /// peers retransmit and the load doubles. 250 because 100 shed healthy load: on the 2-core load machine the phone path
    /// ran clean at 2,100 calls/s with the rule off but was shed from 1,800 at 100 (docs/performance.md "Overload").
    /// 0 turns the adaptive rule off (the explicit caps below still apply).
    /// </summary>
    [Range(0, 10_000)]
    public int MaxQueueDelayMilliseconds { get; set; } = 250;

    /// <summary>
    /// Explicit cap on new calls per second (a token bucket with one second of burst), counted on a call's first
    /// INVITE (one without credentials; the INVITE answering the switch's challenge is the same call). 0 = no cap.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxCallsPerSecond { get; set; }

    /// <summary>
    /// Explicit cap on calls in set-up: INVITEs received and not yet answered with a final response (ringing calls
    /// included, so size it as calls per second times the longest ringing time expected). 0 = no cap.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxCallsInSetup { get; set; }

    /// <summary>
    /// Most server transactions held at once (each is kept 32 s after its answer over UDP, RFC 3261 timer J/L). Past it
    /// a new request outside a dialog is answered 503 statelessly instead of allocating one; requests of a dialog and
    /// CANCELs still get theirs. The default holds 1,500 calls/s (two server transactions per call kept 32 s, and a
    /// challenged INVITE kept 5 s) with room to spare, and bounds what they hold to about 400 MB (2 KB each for a BYE or REGISTER answered,
    /// more for an INVITE with SDP; docs/performance.md "Overload").
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int MaxServerTransactions { get; set; } = 200_000;

    /// <summary>
    /// Retry-After of the 503s above (RFC 3261 §21.5.4, §20.33). A proxy that honours it sends the switch nothing for
    /// that long, so keep it short: the load returns in a few seconds instead of all at once much later.
    /// </summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>
    /// Every this many seconds one Warning line sums up what was shed (by reason) and the queue delay seen; nothing for
    /// an interval without shedding. A shed request itself is never logged.
    /// </summary>
    [Range(1, 86_400)]
    public int SummaryIntervalSeconds { get; set; } = 10;
}
