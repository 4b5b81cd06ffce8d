namespace Softswitch.Core.Routing;

/// <summary>
/// Where a mapping gateway's caller number is read (sipCallerE164Domain, 001_… §3.11): the codes are the manual's.
/// </summary>
public enum CallerNumberSource
{
    From = 0,
    RemotePartyId = 1,
    Display = 2,
    PAssertedIdentity = 3,
    PPreferredIdentity = 4,
}
