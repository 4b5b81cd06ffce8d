namespace Softswitch.Core.Journal;

/// <summary>
/// One side of a connected call as the SIP layer needs it to send a BYE after a restart (RFC 3261 §12.2.1.1):
/// identifiers, URIs, remote target, route set, the last local CSeq and where requests went. Core keeps the values as
/// text and never reads them; the B2BUA writes and reads them.
/// </summary>
public sealed record JournalledDialog
{
    public required string SipCallId { get; init; }
    public required string LocalTag { get; init; }
    public string? RemoteTag { get; init; }

    /// <summary>Our From (UAC side) or To (UAS side), without tag, as written on the wire.</summary>
    public required string LocalUri { get; init; }
    public required string RemoteUri { get; init; }
    public required string RemoteTarget { get; init; }
    public IReadOnlyList<string> RouteSet { get; init; } = [];
    public long LocalCSeq { get; init; }
    public required string LocalContact { get; init; }

    /// <summary>"Udp", "Tcp", …: the transport requests of this dialog left on.</summary>
    public required string Transport { get; init; }
    public required string DestinationIp { get; init; }
    public int DestinationPort { get; init; }
}
