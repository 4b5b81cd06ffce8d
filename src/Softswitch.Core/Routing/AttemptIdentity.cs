namespace Softswitch.Core.Routing;

/// <summary>
/// How the SIP layer presents the caller to a routing gateway (001_… §3.16): sipDisplay (send a display name),
/// sipRemotePartyId (add Remote-Party-ID), sipPrivacy (0 none, 1 pass through, 2 id, 3 none),
/// sipPAssertedIdentity / sipPPreferredIdentity (0 none, 1 pass through, 2 the caller number). enablePhoneDisplay is
/// already applied by the router to the attempt's caller number; it is kept here for the record.
/// </summary>
public sealed record AttemptIdentity(bool Display, bool RemotePartyId, int Privacy, int PAssertedIdentity,
    int PPreferredIdentity, bool EnablePhoneDisplay);
