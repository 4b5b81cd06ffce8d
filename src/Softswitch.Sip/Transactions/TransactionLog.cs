using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>Source-generated log messages of the transaction layer; every call-related line carries the Call-ID.</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Debug,
        Message = "{Transaction} ignored {Event} in state {State} (Call-ID {SipCallId})")]
    public static partial void IgnoredEvent(ILogger logger, string transaction, TransactionEvent @event, TransactionState state, string sipCallId);

    // Debug, like every line a stranger's datagram can cause: at a higher level a flood would fill the disk.
    [LoggerMessage(EventId = 1701, Level = LogLevel.Debug,
        Message = "Dropped a malformed {Kind} from {Source}: {Reason}")]
    public static partial void DroppedMalformed(ILogger logger, string kind, SipEndPoint? source, string reason);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning,
        Message = "{Transaction} transport error in state {State} (Call-ID {SipCallId})")]
    public static partial void TransportError(ILogger logger, Exception error, string transaction, TransactionState state, string sipCallId);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Information,
        Message = "{Transaction} timed out in state {State} (Call-ID {SipCallId})")]
    public static partial void TimedOut(ILogger logger, string transaction, TransactionState state, string sipCallId);

    // Timer H: the ACK for a final response never came. A forged source never ACKs, so this is Debug (issue 12).
    [LoggerMessage(EventId = 1705, Level = LogLevel.Debug,
        Message = "{Transaction} got no ACK in state {State} (Call-ID {SipCallId})")]
    public static partial void NoAck(ILogger logger, string transaction, TransactionState state, string sipCallId);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Warning,
        Message = "No route for responses to {Method} from {Source} (Call-ID {SipCallId})")]
    public static partial void NoResponseRoute(ILogger logger, string method, SipEndPoint? source, string sipCallId);

    // Debug: a refusal's destination is whatever a stranger wrote; failing to reach it is not the switch's fault.
    [LoggerMessage(EventId = 1706, Level = LogLevel.Debug,
        Message = "Stateless refusal could not be sent (Call-ID {SipCallId})")]
    public static partial void StatelessSendFailed(ILogger logger, string sipCallId, Exception error);
}
