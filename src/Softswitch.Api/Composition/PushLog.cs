namespace Softswitch.Api.Composition;

/// <summary>Source-generated log messages of the push path (001_… §4).</summary>
internal static partial class PushLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Pushes to {Url}: {Pending} pending from the previous run")]
    public static partial void Started(ILogger logger, string url, long pending);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Pushes off (push.url is empty)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information,
        Message = "Push sender stopped: {Delivered} delivered, {Pending} pending (kept for the next start), {Dropped} dropped")]
    public static partial void Stopped(ILogger logger, long delivered, long pending, long dropped);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Push store failed {Failures} times; last error")]
    public static partial void StoreFailed(ILogger logger, Exception exception, long failures);
}
