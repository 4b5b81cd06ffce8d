using Softswitch.Core.Calls;

namespace Softswitch.Api.Composition;

/// <summary>Source-generated log messages of the call model and CDR path; call lines carry the SIP Call-ID.</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Call {VosCallId} refused {Trigger} in state {State} (Call-ID {SipCallId})")]
    public static partial void TransitionRefused(ILogger logger, long vosCallId, CallTrigger trigger, CallState state, string sipCallId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "Call {VosCallId} {Previous} -> {State} on {Trigger} (Call-ID {SipCallId})")]
    public static partial void StateChanged(ILogger logger, long vosCallId, CallState previous, CallState state, CallTrigger? trigger, string sipCallId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "CDR writer stopped: {Written} written, {Refused} refused by a full queue, {Lost} lost")]
    public static partial void CdrsFlushed(ILogger logger, long written, long refused, long lost);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "CDR batch writes failed {Failures} times; last error")]
    public static partial void CdrWriteFailed(ILogger logger, Exception exception, long failures);
}
