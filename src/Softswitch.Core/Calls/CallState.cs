namespace Softswitch.Core.Calls;

/// <summary>
/// Where a call stands, valued with the VOS3000 codes so they go on the wire unchanged: GetCurrentCall keepTime
/// (001_… §3.21) and CallStateReport callState (001_… §4.5). The H.323 codes -1…-6 never occur on a SIP-only
/// switch; -14…-17 (Transfering, TransferOk, TransferFailed, TransferCancel) are reserved for call transfer and
/// have no member until transfer is implemented, so the transition table has no unreachable rows.
/// </summary>
public enum CallState
{
    /// <summary>-18: the caller is being authorised and routed; nothing has been sent to the callee yet.</summary>
    Authorising = -18,

    /// <summary>-7: INVITE sent to the callee, no answer of any kind yet.</summary>
    Invite = -7,

    /// <summary>-8: the callee side answered 100 Trying.</summary>
    Trying = -8,

    /// <summary>-9: 183 Session Progress without SDP.</summary>
    SessionProgress = -9,

    /// <summary>-10: 183 Session Progress with SDP (early media).</summary>
    SessionProgressSdp = -10,

    /// <summary>-11: 180 Ringing.</summary>
    Ringing = -11,

    /// <summary>-12: 200 OK, the call is up (VOS "Ok"); keepTime then reports the duration in ms.</summary>
    Connected = -12,

    /// <summary>-13: the call has ended (VOS "Release"); terminal.</summary>
    Released = -13,
}
