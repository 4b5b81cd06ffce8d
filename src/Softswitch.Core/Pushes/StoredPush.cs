namespace Softswitch.Core.Pushes;

/// <summary>
/// A push as stored and sent: <see cref="Seq"/> orders it (SQLite rowid), <see cref="IdempotencyKey"/> is sent as
/// the Idempotency-Key header on every attempt so the receiver can discard duplicates, <see cref="Body"/> is the
/// JSON request body with the manual's field names (001_… §4), <see cref="CreatedAt"/> (ms since 1970 UTC) is
/// when it was published, for push.maxAge.
/// </summary>
public sealed record StoredPush(long Seq, string IdempotencyKey, string Page, string Lane, string Body, long CreatedAt);
