using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>In-dialog requests from an address that is not the leg's peer (<see cref="InDialogSourceCheck"/>): counted and logged.</summary>
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {SipCallId}: {Method} from {Source}, not the leg's peer: refused")]
    private partial void LogForeignInDialogRequest(string sipCallId, SipMethod method, SipEndPoint? source);
}
