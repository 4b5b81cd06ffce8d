using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.B2bua;

/// <summary>
/// One side of the bridge as a SIP dialog (RFC 3261 §12): identifiers, remote target, route set and CSeq
/// spaces. The B2BUA is a dialog endpoint on each side, so it builds in-dialog requests itself (§12.2.1.1).
/// </summary>
internal sealed class SipDialog
{
    public required string CallId { get; init; }

    public required string LocalTag { get; init; }

    /// <summary>Null until the peer's tag is known (early dialogs learn it from the first tagged response).</summary>
    public string? RemoteTag { get; set; }

    /// <summary>Our From (UAC side) or To (UAS side) URI, with display name, without tag.</summary>
    public required NameAddress LocalUri { get; init; }

    public required NameAddress RemoteUri { get; init; }

    /// <summary>Where in-dialog requests go: the peer's Contact (§12.1.1, §12.1.2).</summary>
    public required SipUri RemoteTarget { get; set; }

    /// <summary>The transport address requests actually leave for (NAT: the registered source, §18.2.1 / RFC 3581).</summary>
    public required SipEndPoint Destination { get; set; }

    public List<string> RouteSet { get; } = [];

    public uint LocalCSeq { get; set; }

    public uint RemoteCSeq { get; set; }

    /// <summary>Our Contact for this side.</summary>
    public required string LocalContact { get; init; }

    /// <summary>A new in-dialog request with the next CSeq (§12.2.1.1). ACK and CANCEL take their CSeq elsewhere.</summary>
    public SipRequest CreateRequest(SipMethod method, uint? cseq = null)
    {
        uint number = cseq ?? ++LocalCSeq;
        var request = new SipRequest(method, RemoteTarget.Clone());
        var h = request.Headers;
        foreach (string route in RouteSet)
        {
            h.Add(HeaderKind.Route, route);
        }
        h.Add(HeaderKind.From, WithTag(LocalUri, LocalTag));
        h.Add(HeaderKind.To, WithTag(RemoteUri, RemoteTag));
        h.Add(HeaderKind.CallId, CallId);
        h.Add(HeaderKind.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + method.ToText());
        h.Add(HeaderKind.MaxForwards, MaxForwards.InitialText);
        if (method is not SipMethod.Ack and not SipMethod.Cancel)
        {
            h.Add(HeaderKind.Contact, LocalContact);
        }
        return request;
    }

    /// <summary>Checks and records the CSeq of a request from the peer (§12.2.2): lower than the last one is out of order.</summary>
    public bool AcceptRemoteCSeq(uint cseq)
    {
        if (RemoteCSeq != 0 && cseq <= RemoteCSeq)
        {
            return false;
        }
        RemoteCSeq = cseq;
        return true;
    }

    private static string WithTag(NameAddress address, string? tag)
    {
        var copy = address.Clone();
        copy.Tag = tag;
        return copy.ToString();
    }
}
