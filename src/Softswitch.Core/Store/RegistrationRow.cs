using Softswitch.Core.Registrations;

namespace Softswitch.Core.Store;

/// <summary>One row of registrations (<see cref="RegistrationMigrations"/>), as Dapper reads and writes it.</summary>
internal sealed class RegistrationRow
{
    public const string Columns = "e164, contactUri, transport, sourceIp, sourcePort, callId, cseq, userAgent, instanceId, registeredAt, expiresAt";

    public const string Parameters = "@E164, @ContactUri, @Transport, @SourceIp, @SourcePort, @CallId, @CSeq, @UserAgent, @InstanceId, @RegisteredAt, @ExpiresAt";

    public string E164 { get; set; } = "";

    public string ContactUri { get; set; } = "";

    public string Transport { get; set; } = "";

    public string SourceIp { get; set; } = "";

    public long SourcePort { get; set; }

    public string CallId { get; set; } = "";

    public long CSeq { get; set; }

    public string? UserAgent { get; set; }

    public string? InstanceId { get; set; }

    public long RegisteredAt { get; set; }

    public long ExpiresAt { get; set; }

    public static RegistrationRow From(RegistrationBinding b) => new()
    {
        E164 = b.E164,
        ContactUri = b.ContactUri,
        Transport = b.Transport,
        SourceIp = b.SourceIp,
        SourcePort = b.SourcePort,
        CallId = b.CallId,
        CSeq = b.CSeq,
        UserAgent = b.UserAgent,
        InstanceId = b.InstanceId,
        RegisteredAt = b.RegisteredAt.ToUnixTimeMilliseconds(),
        ExpiresAt = b.ExpiresAt.ToUnixTimeMilliseconds(),
    };

    public RegistrationBinding ToBinding() => new(
        E164,
        ContactUri,
        Transport,
        SourceIp,
        (int)SourcePort,
        CallId,
        (uint)CSeq,
        UserAgent,
        DateTimeOffset.FromUnixTimeMilliseconds(RegisteredAt),
        DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt))
    {
        InstanceId = InstanceId,
    };
}
