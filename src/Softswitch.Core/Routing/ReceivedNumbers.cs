namespace Softswitch.Core.Routing;

/// <summary>
/// Every place an INVITE can carry the caller and callee numbers, as the SIP layer extracted them (the user part of
/// each URI, the display name as text; null when the header is absent). <see cref="PickCaller(CallerNumberSource)"/> and
/// <see cref="PickCallee(CalleeNumberSource)"/> choose the one a gateway's sipCallerE164Domain / sipCalleeE164Domain names.
/// </summary>
public sealed record ReceivedNumbers
{
    public string? From { get; init; }
    public string? RemotePartyId { get; init; }
    public string? Display { get; init; }
    public string? PAssertedIdentity { get; init; }
    public string? PPreferredIdentity { get; init; }
    public string? To { get; init; }
    public string? RequestUri { get; init; }
    public string? Diversion { get; init; }

    /// <summary>
    /// The caller number from the named source. Decided (docs/routing.md): when that header is absent the From user
    /// is used, so a gateway set to read P-Asserted-Identity still routes a call that lacks it; an unknown code reads
    /// From too.
    /// </summary>
    public string PickCaller(CallerNumberSource source) => (source switch
    {
        CallerNumberSource.RemotePartyId => RemotePartyId,
        CallerNumberSource.Display => Display,
        CallerNumberSource.PAssertedIdentity => PAssertedIdentity,
        CallerNumberSource.PPreferredIdentity => PPreferredIdentity,
        _ => From,
    }) ?? From ?? "";

    /// <summary>
    /// The callee number from the named source; decided: an absent Diversion (or To user) falls back to the
    /// Request-URI user, the number the call is actually addressed to.
    /// </summary>
    public string PickCallee(CalleeNumberSource source) => (source switch
    {
        CalleeNumberSource.To => To,
        CalleeNumberSource.Diversion => Diversion,
        _ => RequestUri,
    }) ?? RequestUri ?? "";

    /// <summary>The pick for a manual code as stored on the gateway (out-of-range codes read From / Request-URI).</summary>
    public string PickCaller(int sipCallerE164Domain) => PickCaller((CallerNumberSource)sipCallerE164Domain);

    public string PickCallee(int sipCalleeE164Domain) => PickCallee((CalleeNumberSource)sipCalleeE164Domain);
}
