using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// Legs in trouble: in-dialog requests from an address that is not the leg's peer (<see cref="InDialogSourceCheck"/>),
/// counted and logged; legs found dead by their keep-alives, logged.
/// </summary>
public sealed partial class B2bua
{
    private long _foreignInDialogRequests;

    /// <summary>In-dialog requests (and ACKs) refused because they came from another address than the leg's peer.</summary>
    public long ForeignInDialogRequests => Interlocked.Read(ref _foreignInDialogRequests);

    internal void OnForeignInDialogRequest(string sipCallId, SipRequest request)
    {
        Interlocked.Increment(ref _foreignInDialogRequests);
        LogForeignInDialogRequest(sipCallId, request.Method, request.Source);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId}: the {Side} leg is dead: keep-alive OPTIONS answered {SipStatus} (0: no answer)")]
    internal partial void LogLegDead(string sipCallId, CallSide side, int sipStatus);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: {Method} from {Source}, not the leg's peer: refused")]
    private partial void LogForeignInDialogRequest(string sipCallId, SipMethod method, SipEndPoint? source);
}
