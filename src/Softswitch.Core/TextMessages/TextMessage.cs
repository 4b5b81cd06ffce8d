namespace Softswitch.Core.TextMessages;

/// <summary>
/// One text message a phone sent another through the switch (a SIP MESSAGE in pager mode, RFC 3428, or later a
/// cloud SMS request), with its outcome. The content is kept as received: its type and its bytes.
/// </summary>
public sealed record TextMessage
{
    /// <summary>Assigned by the store when the message is recorded; 0 before.</summary>
    public long Id { get; init; }

    /// <summary>When the switch received it.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The paying account of the sending phone.</summary>
    public required string Account { get; init; }

    public required string CallerE164 { get; init; }

    /// <summary>The phone it was for; the dialled number when no phone has it.</summary>
    public required string CalleeE164 { get; init; }

    /// <summary>The number as dialled (a did reaches its phone: then it differs from <see cref="CalleeE164"/>).</summary>
    public required string CalleeAccessE164 { get; init; }

    /// <summary>The sender's address, for the operator ("ip:port").</summary>
    public string CallerIp { get; init; } = "";

    /// <summary>The media type of <see cref="Body"/> ("text/plain;charset=UTF-8", "message/cpim"…); empty if none.</summary>
    public string ContentType { get; init; } = "";

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// The outcome, as the status class the sender was answered with: 2xx delivered (the callee's phone took it),
    /// 4xx-6xx refused or undelivered (403 not allowed, 404 no such number, 413 too large, 480 not registered, 408
    /// no answer…). The numbers are the SIP ones, which every SMS dialect maps from.
    /// </summary>
    public required int Status { get; init; }

    public bool Delivered => Status is >= 200 and < 300;
}
