using Microsoft.Extensions.Logging;

namespace Softswitch.Tests.Api;

/// <summary>One entry kept by <see cref="CapturedLogs"/>.</summary>
internal sealed record CapturedLogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " " + Exception.GetType().Name + ": " + Exception.Message)}";
}
