using Microsoft.Extensions.Logging;

namespace Softswitch.Tests.Sip.Security;

/// <summary>Keeps every enabled log line with its level, from the minimum level up.</summary>
internal sealed class RecordingLogger<T>(LogLevel minimum = LogLevel.Trace) : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Lines.Add((logLevel, formatter(state, exception)));
        }
    }
}
