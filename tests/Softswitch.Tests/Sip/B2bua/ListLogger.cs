using Microsoft.Extensions.Logging;

namespace Softswitch.Tests.Sip.B2bua;

/// <summary>Keeps every formatted log line with its level, safely from any thread (the calls log from their mailboxes).</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }

    public List<(LogLevel Level, string Message)> Entries()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
