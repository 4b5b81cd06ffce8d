namespace Softswitch.Core.Calls;

/// <summary>
/// One consistent, immutable view of a call. <see cref="Call"/> replaces its snapshot as a whole under its lock,
/// so readers on API threads get every field from the same moment without taking the lock.
/// Field names follow InfoCurrentCall and InfoCdr (001_… §3.21, §3.47).
/// </summary>
public sealed record CallSnapshot
{
    public required long CallId { get; init; }
    public required CallState State { get; init; }
    public required string CallerE164 { get; init; }
    public required string CalleeE164 { get; init; }
    public required string CallerAccessE164 { get; init; }
    public required string CalleeAccessE164 { get; init; }
    public required string CallerToGatewayE164 { get; init; }
    public required string CalleeToGatewayE164 { get; init; }
    public string CallerIp { get; init; } = "";
    public int CallerPort { get; init; }
    public string CalleeIp { get; init; } = "";
    public int CalleePort { get; init; }
    public string CallerLocalIp { get; init; } = "";
    public string CalleeLocalIp { get; init; } = "";
    public string Account { get; init; } = "";
    public string AccountName { get; init; } = "";
    public string? CallerGateway { get; init; }
    public string? CalleeGateway { get; init; }
    public string CallerProductId { get; init; } = "";
    public string CalleeProductId { get; init; } = "";
    public string CallerSipCallId { get; init; } = "";
    public string CalleeSipCallId { get; init; } = "";
    public string? TransactionId { get; init; }

    /// <summary>The codec in use (callCodec), and the sets each side offered (callerCodec, calleeCodec).</summary>
    public string CallCodec { get; init; } = "";
    public string CallerCodec { get; init; } = "";
    public string CalleeCodec { get; init; } = "";

    /// <summary>Media addresses as "ip:port" (callerRtpIp / calleeRtpIp); empty until SDP is seen.</summary>
    public string CallerRtpIp { get; init; } = "";
    public string CalleeRtpIp { get; init; } = "";

    /// <summary>When the caller's INVITE arrived.</summary>
    public required DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? ConnectTime { get; init; }
    public DateTimeOffset? StopTime { get; init; }
    public EndReason? EndReason { get; init; }
    public EndDirection? EndDirection { get; init; }

    /// <summary>Every state entered, with its trigger and time; the first entry is Authorising at StartTime.</summary>
    public required IReadOnlyList<CallStateChange> History { get; init; }

    /// <summary>
    /// VOS3000 keepTime (001_… §3.21): while the call is not connected, the state code (-18, -7…-13); once
    /// connected, the connected duration in milliseconds, never negative (a clock read before the connect stamp
    /// gives 0).
    /// </summary>
    public long KeepTime(DateTimeOffset now) =>
        State == CallState.Connected && ConnectTime is { } connected
            ? Math.Max(0L, (long)(now - connected).TotalMilliseconds)
            : (long)State;

    /// <summary>Connected seconds for the CDR holdTime (0 if never answered), counted from connect to stop.</summary>
    public long HoldMilliseconds =>
        ConnectTime is { } connected && StopTime is { } stop ? Math.Max(0L, (long)(stop - connected).TotalMilliseconds) : 0L;
}
