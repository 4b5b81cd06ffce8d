namespace Softswitch.Core.TextMessages;

/// <summary>
/// The record of text messages: every message a phone sends another through the switch is written here once its
/// outcome is known, so an operator (and a cloud SMS dialect delivering through the switch) can see what was sent,
/// to whom, when, and whether it arrived.
/// </summary>
public sealed class TextMessageLog(ITextMessageStore store)
{
    /// <summary>Records a finished message; returns its id. Refuses a record without parties or outcome (a bug).</summary>
    public Task<long> RecordAsync(TextMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.CallerE164) || string.IsNullOrEmpty(message.Account))
        {
            throw new ArgumentException("a text message is recorded with its sending phone and account", nameof(message));
        }
        if (message.Status is < 200 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(message), message.Status, "a text message is recorded with its final status (200-699)");
        }
        return store.InsertAsync(message, cancellationToken);
    }

    public Task<IReadOnlyList<TextMessage>> QueryAsync(TextMessageQuery query, CancellationToken cancellationToken = default) =>
        store.QueryAsync(query, cancellationToken);
}
