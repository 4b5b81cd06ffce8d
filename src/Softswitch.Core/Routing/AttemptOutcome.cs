using Softswitch.Core.Calls;

namespace Softswitch.Core.Routing;

/// <summary>
/// What the SIP layer reports when an attempt ended without an answer: which attempt, how it ended, the status the
/// caller would get for it, which early events were seen (vos-routing §3: they can forbid failover), the end reason
/// of a timeout (which timer fired), and when it ended. The one record both the B2BUA (which fills it) and
/// <see cref="FailoverPolicy"/> (which reads it) use.
/// </summary>
public sealed record AttemptOutcome
{
    /// <summary>1 for the first attempt of the call, then 2, 3, … in order; 0 when not known.</summary>
    public int Attempt { get; init; }

    /// <summary>The routing gateway tried; null for the contacts of a phone of this switch.</summary>
    public string? Gateway { get; init; }

    public required AttemptEnd End { get; init; }

    /// <summary>
    /// The final status the caller would get for this attempt: the response chosen among its forks for
    /// <see cref="AttemptEnd.FinalResponse"/> (RFC 3261 §16.7), 408 for no response or a set-up timeout, 503 for a
    /// transport failure; 0 when nothing was sent.
    /// </summary>
    public int Status { get; init; }

    /// <summary>A 180/181/182 (an 18x ringing response) arrived.</summary>
    public bool SawRinging { get; init; }

    /// <summary>A provisional response carried SDP (early media).</summary>
    public bool SawSdp { get; init; }

    /// <summary>RTP from the callee side reached the relay.</summary>
    public bool SawRtp { get; init; }

    /// <summary>For <see cref="AttemptEnd.Timeout"/>: which timer fired (InviteTimeout, TryingTimeout, NoAnswer …).</summary>
    public EndReason TimeoutReason { get; init; } = EndReason.InviteTimeout;

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>From the first INVITE of the attempt to its failure.</summary>
    public TimeSpan Duration { get; init; }

    public static AttemptOutcome Final(int status, DateTimeOffset at) => new() { End = AttemptEnd.FinalResponse, Status = status, EndedAt = at };

    /// <summary>The end reason of this attempt on its own (the call's reason when nothing follows it).</summary>
    public EndReason Reason => End switch
    {
        AttemptEnd.FinalResponse or AttemptEnd.NoResponse => EndReasons.FromCalleeStatus(Status),
        AttemptEnd.Timeout => TimeoutReason,
        AttemptEnd.TransportFailure => EndReason.TransportFailure,
        AttemptEnd.CallerCancelled => EndReason.CallerCancelled,
        _ => EndReason.NoRoute,
    };
}
