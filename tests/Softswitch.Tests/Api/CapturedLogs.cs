using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Tests.Api;

/// <summary>A logger provider that keeps every entry, so a test can assert what a request did (not) log.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyCollection<CapturedLogEntry> Entries => _entries;

    /// <summary>
    /// Entries at Error or above, or carrying an exception (a stack trace in the log) at a level a default
    /// configuration shows (Information or above; the server's own Debug lines about bad requests are not faults).
    /// </summary>
    public IEnumerable<CapturedLogEntry> Faults =>
        _entries.Where(e => e.Level >= LogLevel.Error || (e.Exception is not null && e.Level >= LogLevel.Information));

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
