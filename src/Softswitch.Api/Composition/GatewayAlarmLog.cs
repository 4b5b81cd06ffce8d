namespace Softswitch.Api.Composition;

/// <summary>Source-generated log messages of the gateway quality alarms (docs/gateway-statistics.md).</summary>
internal static partial class GatewayAlarmLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Gateway quality alarms: {Raised} raised, {Cleared} cleared")]
    public static partial void Changed(ILogger logger, int raised, int cleared);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Gateway quality alarms could not be evaluated")]
    public static partial void Failed(ILogger logger, Exception exception);
}
