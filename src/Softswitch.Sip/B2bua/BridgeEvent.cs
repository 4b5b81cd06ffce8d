namespace Softswitch.Sip.B2bua;

/// <summary>What happens to a bridged call: from its legs, from the caller, from its timers, or from the switch.</summary>
internal enum BridgeEvent
{
    /// <summary>INVITEs go out for an attempt (the first one, or the next one on failover).</summary>
    AttemptStarted,

    /// <summary>A leg of the current attempt got a provisional worth relaying.</summary>
    LegProgress,

    /// <summary>A leg of the current attempt got a 2xx.</summary>
    LegAnswered,

    /// <summary>A leg of the current attempt failed (final error, timer B, transport error).</summary>
    LegFailed,

    /// <summary>Every leg of the current attempt has failed.</summary>
    AttemptFailed,

    /// <summary>The set-up stage timer ran out (timeoutInvite, timeoutTrying, timeoutSessionProgress, timeoutRinging).</summary>
    SetupTimeout,

    /// <summary>The retransmission timer of a reliable provisional to the caller (RFC 3262 §3).</summary>
    ReliableTimer,

    /// <summary>The caller PRACKed the reliable provisional the held 2xx waited for.</summary>
    AnswerReleased,

    /// <summary>The caller's ACK for the 200.</summary>
    CallerAck,

    /// <summary>The retransmission timer of the caller's 200 (RFC 3261 §13.3.1.4).</summary>
    OkTimer,

    /// <summary>CANCEL from the caller.</summary>
    CallerCancel,

    /// <summary>BYE from the caller.</summary>
    CallerBye,

    /// <summary>BYE from the answered leg.</summary>
    CalleeBye,

    /// <summary>A request relayed in the dialog timed out (RFC 3261 §12.2.1.2).</summary>
    RelayTimedOut,

    /// <summary>maxCallDurationSeconds passed.</summary>
    MaxDuration,

    /// <summary>A session interval passed without refresh (RFC 4028 §10).</summary>
    SessionExpired,

    /// <summary>The periodic RTP check (mediaTimeoutSeconds, mediaCheckDirection).</summary>
    MediaCheck,

    /// <summary>The keep-alive timer of a connected call (calls.keepAliveSeconds): OPTIONS to each leg.</summary>
    KeepAlive,

    /// <summary>A leg answered its keep-alive OPTIONS 408 or 481, or not at all (RFC 3261 §12.2.1.2).</summary>
    LegDead,

    /// <summary>The switch ends the call (DisconnectCurrentCall, shutdown, ACK timeout, no media).</summary>
    Hangup,

    /// <summary>The call fails before answer with a final status (a refusal, the last attempt's failure, no PRACK).</summary>
    Fail,
}
