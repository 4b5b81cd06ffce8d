namespace Softswitch.Core.Routing;

/// <summary>
/// What the SIP layer knows of a new call when it asks <see cref="CallRouter.Route"/> (docs/routing.md): who is
/// calling, the numbers as received (for a gateway, already picked per its sipCaller/CalleeE164Domain with
/// <see cref="ReceivedNumbers"/>; for a phone, the From and Request-URI users), where the INVITE came from and when.
/// </summary>
public sealed record CallFacts
{
    public required CallerIdentity Caller { get; init; }

    /// <summary>The caller number as received; a phone's own e164 is used instead when the caller is a phone.</summary>
    public string CallerNumber { get; init; } = "";

    public required string CalleeNumber { get; init; }

    public string SourceIp { get; init; } = "";

    public int SourcePort { get; init; }

    /// <summary>When the INVITE arrived: scheduled prefixes and the set-up deadline are computed from it.</summary>
    public required DateTimeOffset Time { get; init; }
}
