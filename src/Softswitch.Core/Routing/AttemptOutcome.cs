using Softswitch.Core.Calls;

namespace Softswitch.Core.Routing;

/// <summary>
/// What the SIP layer reports when an attempt ended without an answer: how it ended, the final status (for
/// <see cref="AttemptEnd.FinalResponse"/>), which early events were seen (vos-routing §3: they can forbid failover),
/// the end reason of a timeout (which timer fired), and when it ended.
/// </summary>
public sealed record AttemptOutcome
{
    public required AttemptEnd End { get; init; }

    /// <summary>The final status for <see cref="AttemptEnd.FinalResponse"/>; 0 otherwise.</summary>
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

    public static AttemptOutcome Final(int status, DateTimeOffset at) => new() { End = AttemptEnd.FinalResponse, Status = status, EndedAt = at };

    /// <summary>The end reason of this attempt on its own (the call's reason when nothing follows it).</summary>
    public EndReason Reason => End switch
    {
        AttemptEnd.FinalResponse => EndReasons.FromCalleeStatus(Status),
        AttemptEnd.Timeout => TimeoutReason,
        AttemptEnd.TransportFailure => EndReason.TransportFailure,
        AttemptEnd.CallerCancelled => EndReason.CallerCancelled,
        _ => EndReason.NoRoute,
    };
}
