namespace Softswitch.Core.Calls;

/// <summary>
/// What happens to a call, as the B2BUA sees it. The progress triggers mirror the callee leg's responses; the
/// four ending triggers say who ended the call and when, and each <see cref="EndReason"/> belongs to exactly one
/// of them (<see cref="EndReasons"/>), so an ending can never contradict the state it ends.
/// </summary>
public enum CallTrigger
{
    /// <summary>The caller is authorised and routed, and INVITE went to the callee (-18 to -7).</summary>
    InviteSent,

    /// <summary>A callee attempt failed and INVITE went to the next route (gateway failover): back to -7.</summary>
    Rerouted,

    /// <summary>100 Trying from the callee side.</summary>
    TryingReceived,

    /// <summary>183 without SDP.</summary>
    ProgressReceived,

    /// <summary>183 with SDP (early media).</summary>
    ProgressSdpReceived,

    /// <summary>180 Ringing (with or without SDP: the media is not part of the VOS state).</summary>
    RingingReceived,

    /// <summary>2xx to the INVITE; a retransmitted 2xx on a connected call is accepted and changes nothing.</summary>
    Answered,

    /// <summary>BYE from either side on a connected call.</summary>
    Hangup,

    /// <summary>CANCEL from the caller before answer (the INVITE gets 487).</summary>
    Cancel,

    /// <summary>The attempt fails before answer: a final error from the callee, a timeout, or a refusal by the switch.</summary>
    Fail,

    /// <summary>The switch ends the call in any live state (management, shutdown, media or session timeout).</summary>
    Abort,
}
