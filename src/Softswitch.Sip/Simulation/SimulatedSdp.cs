using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Sdp;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// The SDP a simulated carrier answers with (RFC 3264 §6): one audio stream on its own RTP socket, with the first of
/// PCMU / PCMA the offer lists (PCMU when there is no usable offer), plus telephone-event when offered.
/// </summary>
internal static class SimulatedSdp
{
    public static byte[] Answer(SipRequest invite, IPEndPoint rtp)
    {
        int codec = 0;
        int? events = null;
        if (!invite.Body.IsEmpty && SdpParser.TryParse(invite.Body.Span, out var offer, out _, out _) && offer.FirstActiveAudio is { } audio)
        {
            var offered = audio.PayloadTypes;
            codec = offered.FirstOrDefault(p => p is 0 or 8, 0);
            events = audio.Codecs.FirstOrDefault(c => c.IsTelephoneEvent)?.PayloadType;
        }
        string family = rtp.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        string address = rtp.Address.ToString();
        string session = (Environment.TickCount64 & 0xFFFFFFF).ToString(CultureInfo.InvariantCulture);
        var sdp = new StringBuilder(256)
            .Append("v=0\r\n")
            .Append(CultureInfo.InvariantCulture, $"o=simulated {session} {session} IN {family} {address}\r\n")
            .Append("s=simulated carrier\r\n")
            .Append(CultureInfo.InvariantCulture, $"c=IN {family} {address}\r\n")
            .Append("t=0 0\r\n")
            .Append(CultureInfo.InvariantCulture, $"m=audio {rtp.Port} RTP/AVP {codec}{(events is { } e ? " " + e.ToString(CultureInfo.InvariantCulture) : "")}\r\n")
            .Append(codec == 0 ? "a=rtpmap:0 PCMU/8000\r\n" : "a=rtpmap:8 PCMA/8000\r\n");
        if (events is { } pt)
        {
            sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{pt} telephone-event/8000\r\na=fmtp:{pt} 0-15\r\n");
        }
        sdp.Append("a=ptime:20\r\na=sendrecv\r\n");
        return Encoding.ASCII.GetBytes(sdp.ToString());
    }
}
