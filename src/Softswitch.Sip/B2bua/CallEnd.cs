namespace Softswitch.Sip.B2bua;

/// <summary>TEMPORARY: replaced by Core's EndReason table when the call model lands.</summary>
public enum CallEnd
{
    CallerHangup,
    CalleeHangup,
    CancelledByCaller,
    NoAnswer,
    InviteTimeout,
    TryingTimeout,
    SessionProgressTimeout,
    NumberNotFound,
    CalleeNotRegistered,
    CalleeBusy,
    CallerLocked,
    CalleeLocked,
    CallerLineLimit,
    CalleeLineLimit,
    NoMedia,
    MaxDurationReached,
    DisconnectedByManagement,
    BadSdp,
    CalleeRejected,
    CalleeNoResponse,
    CallerNoResponse,
    AckTimeout,
    ServerShutdown,
}

public static class CallEnds
{
    public static int SipStatus(CallEnd reason) => reason switch
    {
        CallEnd.NumberNotFound => 404,
        CallEnd.CalleeNotRegistered or CallEnd.NoAnswer or CallEnd.SessionProgressTimeout => 480,
        CallEnd.CalleeBusy or CallEnd.CalleeLineLimit => 486,
        CallEnd.CallerLocked or CallEnd.CalleeLocked or CallEnd.CallerLineLimit => 403,
        CallEnd.BadSdp => 488,
        CallEnd.InviteTimeout or CallEnd.TryingTimeout or CallEnd.CalleeNoResponse => 408,
        CallEnd.CancelledByCaller or CallEnd.DisconnectedByManagement => 487,
        CallEnd.ServerShutdown => 503,
        _ => 500,
    };

    public static CallEnd FromCalleeStatus(int status) => status switch
    {
        486 or 600 => CallEnd.CalleeBusy,
        408 => CallEnd.CalleeNoResponse,
        480 => CallEnd.CalleeNotRegistered,
        _ => CallEnd.CalleeRejected,
    };
}
