namespace Softswitch.Sip.B2bua;

/// <summary>
/// Where a bridged call is, from the B2BUA's point of view (the Core call model keeps the VOS3000 keepTime codes).
/// Changed only through <see cref="B2buaCall"/>'s bridge table; docs/b2bua-states.md lists every transition.
/// </summary>
internal enum BridgeState
{
    /// <summary>Admitted and routing: nothing sent to the callee side yet.</summary>
    Routing,

    /// <summary>The INVITEs of the current attempt are out; no leg has answered.</summary>
    Calling,

    /// <summary>Every leg of an attempt failed (or its set-up timer ran out): the next attempt is chosen.</summary>
    Rerouting,

    /// <summary>A leg answered, but its 2xx waits for the caller's PRACK of a reliable provisional with SDP (RFC 3262 §3).</summary>
    AnswerHeld,

    /// <summary>The caller got its 200 and it is retransmitted until the caller's ACK (RFC 3261 §13.3.1.4).</summary>
    Answered,

    /// <summary>The caller ACKed the 200: both dialogs are confirmed.</summary>
    Connected,

    /// <summary>Ended, with one end reason and one CDR; late messages are absorbed.</summary>
    Ended,
}
