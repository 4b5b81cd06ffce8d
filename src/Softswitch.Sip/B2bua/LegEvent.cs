namespace Softswitch.Sip.B2bua;

/// <summary>What happens to one callee leg: its INVITE transaction's reports, the bridge's decisions, the callee's BYE.</summary>
internal enum LegEvent
{
    /// <summary>A 1xx to the INVITE.</summary>
    Provisional,

    /// <summary>A 2xx to the INVITE (the first, a retransmission, or one that crossed our CANCEL).</summary>
    Success,

    /// <summary>A final error response (3xx-6xx).</summary>
    Failure,

    /// <summary>Timer B: no final response (408).</summary>
    Timeout,

    /// <summary>The INVITE could not be sent (503, RFC 3261 §8.1.3.1).</summary>
    TransportError,

    /// <summary>The bridge sends the ACK for the leg's 2xx (at once, or with the caller's late-offer answer).</summary>
    Ack,

    /// <summary>The bridge no longer wants the leg: CANCEL before answer, BYE after.</summary>
    Abandon,

    /// <summary>BYE from the callee in this leg's dialog.</summary>
    RemoteBye,
}
