using Microsoft.Extensions.Logging;

namespace Softswitch.Api.Vos;

/// <summary>Source-generated log messages of the VOS3000 interface (docs/architecture.md "Logs": [LoggerMessage], no interpolation).</summary>
internal static partial class VosApiLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "VOS interface {Path} failed")]
    public static partial void InterfaceFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "VOS interface {Path} denied to {Client}")]
    public static partial void AccessDenied(ILogger logger, string path, string client);

    // Debug, without the exception: a client that sends a broken body is the client's fault, and a flood of them
    // must not fill the log with stack traces (issue 12 hole 9).
    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "VOS interface {Path}: incomplete body from {Client}: {Reason}")]
    public static partial void IncompleteBody(ILogger logger, string path, string client, string reason);
}
