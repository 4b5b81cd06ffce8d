namespace Softswitch.Core.Calls;

/// <summary>
/// What happened on one callee-side attempt that failed, as the B2BUA saw it: what a failover policy needs to decide
/// whether the next candidate may be tried (vos-routing §3: no failover after 18x or SDP when forbidden, on busy only
/// when allowed, by error code).
/// </summary>
public sealed record AttemptOutcome
{
    /// <summary>1 for the first attempt of the call, then 2, 3, … in order.</summary>
    public required int Attempt { get; init; }

    /// <summary>The routing gateway tried; null for the contacts of a phone of this switch.</summary>
    public string? Gateway { get; init; }

    public required AttemptResult Result { get; init; }

    /// <summary>The final status the caller would get for this attempt (the best of its forks, RFC 3261 §16.7).</summary>
    public required int SipStatus { get; init; }

    /// <summary>The end reason the call gets if no attempt follows (docs/end-reasons.md).</summary>
    public required EndReason Reason { get; init; }

    /// <summary>A provisional other than 100 arrived (18x).</summary>
    public bool ProvisionalSeen { get; init; }

    /// <summary>A provisional carried SDP (early media was offered).</summary>
    public bool SdpSeen { get; init; }

    /// <summary>RTP arrived from the callee side during the attempt (through the relay).</summary>
    public bool RtpSeen { get; init; }

    /// <summary>From the first INVITE of the attempt to its failure.</summary>
    public TimeSpan Duration { get; init; }
}
