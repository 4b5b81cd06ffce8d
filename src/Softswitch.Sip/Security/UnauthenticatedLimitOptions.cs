using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Softswitch.Sip.Security;

/// <summary>
/// The "sip.unauthenticated" section: the per-source rate limit on requests from sources that are not registered
/// (Kamailio's pike module is the model), and the periodic summary of that traffic (docs/hardening.md "Reflection and
/// unauthenticated floods").
/// </summary>
public sealed class UnauthenticatedLimitOptions
{
    public const string Section = "sip.unauthenticated";

    /// <summary>
    /// Drop new requests past maxRequests from one source address. False: count and report only (the summary still
    /// says how many would have been dropped), for a lab that floods the switch from one address on purpose.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// New requests (not retransmissions, not ACKs, not requests of a live dialog) one IP address may send within
    /// windowSeconds unless it is a registered contact's address; past it they are dropped silently. A phone needs
    /// two to register (the challenged REGISTER and the answered one) and is not counted any more once registered.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxRequests { get; set; } = 60;

    /// <summary>The sliding window maxRequests counts in.</summary>
    [Range(1, 3_600)]
    public int WindowSeconds { get; set; } = 10;

    /// <summary>
    /// Most source addresses counted at once. When full, idle ones go first, then the half that sent least, so a
    /// flood of spoofed one-shot sources cannot push a heavy sender out of the table.
    /// </summary>
    [Range(16, 10_000_000)]
    public int MaxTrackedSources { get; set; } = 100_000;

    /// <summary>
    /// How long a source address and port stay exempt after a REGISTER from them was accepted (200); each accepted
    /// refresh starts it again. Registered phones are never counted nor dropped while exempt.
    /// </summary>
    [Range(1, 86_400)]
    public int RegisteredTrustSeconds { get; set; } = 3_600;

    /// <summary>Most registered source addresses and ports remembered at once; when full, the oldest go first.</summary>
    [Range(16, 10_000_000)]
    public int MaxRegisteredSources { get; set; } = 100_000;

    /// <summary>
    /// Loopback sources (127.0.0.0/8, ::1) are never counted: nothing outside the host can send from them, and a
    /// load balancer or test tool on the same host is trusted.
    /// </summary>
    public bool ExemptLoopback { get; set; } = true;

    /// <summary>Further source networks never counted nor dropped (CIDR, e.g. "192.0.2.0/24", or one address): load balancers, trunks not known by address (gateways' remoteIps and remoteIp are trusted already).</summary>
    /// <remarks>Null means none; a default array here would be appended to by the configuration binder.</remarks>
    [DefaultValue(new string[0])]
    public string[]? ExemptNetworks { get; set; }

    /// <summary>
    /// Every this many seconds one line sums up the counted traffic (requests, sources, dropped): Information, or
    /// Warning when requests were dropped. Each request itself is logged at Debug only, so a flood cannot fill the disk.
    /// </summary>
    [Range(1, 86_400)]
    public int SummaryIntervalSeconds { get; set; } = 60;

    /// <summary>Null when valid, otherwise a line naming the key and the value.</summary>
    public string? Validate()
    {
        foreach (string network in ExemptNetworks ?? [])
        {
            if (!AddressPrefix.TryParse(network, out _))
            {
                return $"{Section}.exemptNetworks: '{network}' is not an address or a network such as 192.0.2.0/24";
            }
        }
        return null;
    }
}
