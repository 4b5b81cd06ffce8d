using System.Net;
using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>Builds messages with the object model (the parser is not this area's).</summary>
internal static class TestMessages
{
    public static readonly SipEndPoint Peer = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5062));

    public static SipEndPoint PeerOver(SipTransportKind transport) => Peer with { Transport = transport };

    /// <summary>A request as received from <see cref="Peer"/> (or as the TU would send it, without Via, when branch is null).</summary>
    public static SipRequest Request(
        SipMethod method,
        string? branch = "z9hG4bKpeer1",
        SipTransportKind transport = SipTransportKind.Udp,
        uint cseq = 1,
        string? toTag = null,
        string fromTag = "from1",
        string callId = "call-1@198.51.100.7",
        string via = "198.51.100.7:5062",
        string viaParameters = "")
    {
        var request = new SipRequest(method, SipUri.Parse("sip:1002@192.0.2.1"));
        if (branch is not null)
        {
            string t = transport.ToString().ToUpperInvariant();
            string branchParameter = branch.Length == 0 ? string.Empty : ";branch=" + branch;
            request.Headers.Add(HeaderKind.Via, $"SIP/2.0/{t} {via}{branchParameter}{viaParameters}");
        }
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        request.Headers.Add(HeaderKind.From, $"<sip:1001@198.51.100.7>;tag={fromTag}");
        request.Headers.Add(HeaderKind.To, toTag is null ? "<sip:1002@192.0.2.1>" : $"<sip:1002@192.0.2.1>;tag={toTag}");
        request.Headers.Add(HeaderKind.CallId, callId);
        request.Headers.Add(HeaderKind.CSeq, $"{cseq} {method.ToText()}");
        request.Source = PeerOver(transport);
        return request;
    }

    /// <summary>The ACK an RFC 3261 UAC sends for a non-2xx final: same branch as the INVITE (§17.1.1.3).</summary>
    public static SipRequest AckFor(SipRequest invite, SipResponse final, string? branch = null)
    {
        var ack = new SipRequest(SipMethod.Ack, invite.RequestUri);
        ack.Headers.Add(HeaderKind.Via, branch is null ? invite.Headers.Get(HeaderKind.Via)! : $"SIP/2.0/UDP 198.51.100.7:5062;branch={branch}");
        ack.Headers.Add(HeaderKind.From, invite.Headers.Get(HeaderKind.From)!);
        ack.Headers.Add(HeaderKind.To, final.Headers.Get(HeaderKind.To)!);
        ack.Headers.Add(HeaderKind.CallId, invite.CallId);
        ack.Headers.Add(HeaderKind.CSeq, $"{invite.CSeq.Number} ACK");
        ack.Source = invite.Source;
        return ack;
    }

    /// <summary>A response to a request this switch sent, as it would arrive from the network.</summary>
    public static SipResponse ResponseTo(SipRequest request, int code, string? toTag = "callee1")
    {
        SipResponse response = SipResponseFactory.Create(request, code, toTag: toTag);
        response.Source = Peer;
        return response;
    }
}
