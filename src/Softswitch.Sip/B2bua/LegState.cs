namespace Softswitch.Sip.B2bua;

/// <summary>
/// Where one outbound INVITE (a callee leg, the switch is its UAC) is. Changed only through the leg table in
/// <see cref="B2buaCall"/>; docs/b2bua-states.md lists every transition.
/// </summary>
internal enum LegState
{
    /// <summary>INVITE sent, nothing back yet: a CANCEL may not be sent (RFC 3261 §9.1).</summary>
    Inviting,

    /// <summary>A provisional arrived: the leg may be cancelled.</summary>
    Proceeding,

    /// <summary>The bridge gave the leg up before any provisional: CANCEL goes out with the first one.</summary>
    CancelPending,

    /// <summary>CANCEL sent; waiting for the INVITE's final response (487, or a 2xx that crossed it).</summary>
    Cancelling,

    /// <summary>Its 2xx won, not ACKed yet: with a late offer the ACK waits for the caller's answer.</summary>
    Answered,

    /// <summary>Its 2xx won and was ACKed: the callee's dialog is confirmed.</summary>
    Confirmed,

    /// <summary>The INVITE failed: a final error, timer B, or a transport error.</summary>
    Failed,

    /// <summary>A dialog that was established and is over: hung up with BYE, or by the callee's BYE.</summary>
    Terminated,
}
