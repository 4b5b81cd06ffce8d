using Softswitch.Core.Calls;

namespace Softswitch.Core.Cdrs;

/// <summary>Turns an ended call into its CDR (InfoCdr, 001_… §3.47).</summary>
public static class CdrMapper
{
    /// <summary>
    /// start is the connect time of an answered call and the arrival time otherwise, stop the release time, so
    /// stop - start is the hold time of an answered call. holdTime rounds connected milliseconds up to whole
    /// seconds (a 200 ms call is not free); feeTime starts equal to holdTime and is replaced by the billed time
    /// when <see cref="Billing.CallBilling"/> rates the CDR.
    /// A call ended for AckTimeout is billed as unanswered.
    /// </summary>
    public static Cdr FromCall(CallSnapshot call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var stop = call.StopTime ?? call.ConnectTime ?? call.StartTime;
        // A caller that never ACKed the 200 (AckTimeout, RFC 3261 §13.3.1.4) never learnt the call was answered: no
        // session took place, so its CDR reads as an unanswered call (start at arrival, hold and fee time 0).
        bool talked = call.EndReason != EndReason.AckTimeout;
        var start = (talked ? call.ConnectTime : null) ?? call.StartTime;
        int hold = talked ? HoldSeconds(call.HoldMilliseconds) : 0;
        return new Cdr
        {
            CallId = call.CallId,
            CallerE164 = call.CallerE164,
            CallerAccessE164 = call.CallerAccessE164,
            CallerProductId = call.CallerProductId,
            CallerToGatewayE164 = call.CallerToGatewayE164,
            CallerGateway = call.CallerGateway ?? "",
            CallerIp = call.CallerIp,
            CalleeE164 = call.CalleeE164,
            CalleeAccessE164 = call.CalleeAccessE164,
            CalleeProductId = call.CalleeProductId,
            CalleeToGatewayE164 = call.CalleeToGatewayE164,
            CalleeGateway = call.CalleeGateway ?? "",
            CalleeIp = call.CalleeIp,
            Start = start.ToUnixTimeMilliseconds(),
            Stop = stop.ToUnixTimeMilliseconds(),
            HoldTime = hold,
            FeeTime = hold,
            Account = call.Account,
            AccountName = call.AccountName,
            EndDirection = call.EndDirection ?? EndDirection.Server,
            EndReason = call.EndReason ?? EndReason.InternalError,
            BillingMode = call.CallerGateway is null ? 0 : 1,
        };
    }

    /// <summary>Connected milliseconds as CDR holdTime: whole seconds, rounded up.</summary>
    public static int HoldSeconds(long milliseconds) => (int)Math.Min(int.MaxValue, (milliseconds + 999) / 1000);
}
