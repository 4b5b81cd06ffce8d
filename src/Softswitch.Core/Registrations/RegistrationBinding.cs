namespace Softswitch.Core.Registrations;

/// <summary>
/// One registered contact of a phone. Core knows no SIP wire format: the contact is kept as its URI text and the
/// source as "transport:ip:port" text, both as the registrar received them.
/// </summary>
public sealed record RegistrationBinding(
    string E164,
    string ContactUri,
    string Transport,
    string SourceIp,
    int SourcePort,
    string CallId,
    uint CSeq,
    string? UserAgent,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// The Contact's +sip.instance value (RFC 5626 §4.1, as written, quotes included) when the phone sent one: two
    /// contacts with the same instance are the same device, so a new one replaces the old (docs/architecture.md).
    /// </summary>
    public string? InstanceId { get; init; }

    public int ExpiresInSeconds(DateTimeOffset now) => (int)Math.Max(0, Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
