using System.Net;

namespace Softswitch.Sip.Sdp;

/// <summary>
/// Rewrites a description so that the other leg sends its media to the relay instead of to the phone that wrote
/// it: the B2BUA is a full endpoint on each leg, so the SDP it sends must name its own address and ports.
/// </summary>
public static class SdpRewriter
{
    /// <summary>
    /// ICE attributes (RFC 8839 §5) name the writer's own candidate addresses; passed on, they would let an
    /// ICE-capable peer try to reach the other phone directly, around the relay, so they are dropped.
    /// </summary>
    private static readonly HashSet<string> IceAttributes = new(StringComparer.Ordinal)
    {
        "candidate", "remote-candidates", "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch",
        "end-of-candidates",
    };

    /// <summary>
    /// Returns a rewritten copy (the source is left as it is, so the B2BUA can still read the phone's addresses
    /// from it): every c= names <paramref name="address"/> (c=0.0.0.0 holds are kept), m= number i gets
    /// <paramref name="ports"/>[i] (0 there rejects the stream; a stream that was already rejected stays at 0,
    /// RFC 3264 §6), a=rtcp becomes that port + 1, ICE attributes are dropped, and o= names the switch, its
    /// version bumped by one when anything differs from the source (RFC 3264 §8). The result depends only on
    /// the inputs, so an unchanged re-offer gives the same version again, as §8 requires.
    /// </summary>
    public static SdpSession ForRelay(SdpSession source, IPAddress address, IReadOnlyList<int> ports)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(ports);
        if (ports.Count != source.Media.Count)
        {
            throw new ArgumentException($"{ports.Count} ports for {source.Media.Count} m= lines", nameof(ports));
        }
        SdpSession result = source.Clone();
        var connection = SdpConnection.For(address);
        result.ReplaceConnection(connection);
        result.RemoveAttributes(IceAttributes.Contains);
        for (int i = 0; i < result.Media.Count; i++)
        {
            SdpMedia media = result.Media[i];
            media.RemoveAttributes(IceAttributes.Contains);
            if (media.Port == 0)
            {
                continue;
            }
            int port = ports[i];
            media.Port = port;
            media.ReplaceConnections(connection);
            if (port != 0)
            {
                // RFC 3605 §2.1: the relay's RTCP socket is always the RTP one + 1.
                media.ReplaceRtcp(port + 1, connection);
            }
        }
        SdpOrigin origin = result.Origin;
        result.Origin = origin.WithAddress(address, bumpVersion: false);
        if (result.ToString() != source.ToString())
        {
            result.Origin = origin.WithAddress(address, bumpVersion: true);
        }
        return result;
    }

    /// <summary>Shorthand for a description with one stream, or with the relayed stream first.</summary>
    public static SdpSession ForRelay(SdpSession source, IPAddress address, int firstStreamPort)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ports = new int[source.Media.Count];
        ports[0] = firstStreamPort;
        return ForRelay(source, address, ports);
    }
}
