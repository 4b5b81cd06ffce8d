namespace Softswitch.Core.TextMessages;

/// <summary>Where text messages are recorded (SQLite by default; the same contract fits PostgreSQL, docs/architecture.md).</summary>
public interface ITextMessageStore
{
    /// <summary>Records one message; returns its id.</summary>
    Task<long> InsertAsync(TextMessage message, CancellationToken cancellationToken = default);

    /// <summary>The matching messages, oldest first.</summary>
    Task<IReadOnlyList<TextMessage>> QueryAsync(TextMessageQuery query, CancellationToken cancellationToken = default);
}
