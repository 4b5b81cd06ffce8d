using Microsoft.Extensions.Logging;
using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Trunks;

/// <summary>Log lines of the upstream registrations (registerType 2 routing gateways), with the REGISTER's Call-ID.</summary>
internal static partial class UpstreamLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Registered to carrier {Gateway} at {Address} for {Granted} s, refresh in {Refresh} s ({SipCallId})")]
    public static partial void Registered(ILogger logger, string gateway, string address, int granted, double refresh, string sipCallId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Registration to carrier {Gateway} failed with {Status} (failure {Failures}), next attempt in {Wait} s ({SipCallId})")]
    public static partial void Failed(ILogger logger, string gateway, int status, int failures, double wait, string sipCallId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Carrier {Gateway} refused our credentials ({Status}), next attempt in {Wait} s ({SipCallId})")]
    public static partial void Refused(ILogger logger, string gateway, int status, double wait, string sipCallId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Carrier {Gateway} sent a {Status} challenge we cannot answer: {Error} ({SipCallId})")]
    public static partial void ChallengeUnusable(ILogger logger, string gateway, int status, DigestParseError error, string sipCallId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Unregistered from carrier {Gateway} ({SipCallId})")]
    public static partial void Unregistered(ILogger logger, string gateway, string sipCallId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information,
        Message = "Unregistering from carrier {Gateway} ended with {Status}; the binding lapses on its own ({SipCallId})")]
    public static partial void UnregisterFailed(ILogger logger, string gateway, int status, string sipCallId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Routing gateway {Gateway} cannot register: {Problem}")]
    public static partial void Unusable(ILogger logger, string gateway, string problem);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Routing gateway {Gateway} changed or left registerType 2: re-registering or unregistering")]
    public static partial void Changed(ILogger logger, string gateway);
}
