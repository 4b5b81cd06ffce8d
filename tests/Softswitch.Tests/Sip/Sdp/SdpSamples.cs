namespace Softswitch.Tests.Sip.Sdp;

/// <summary>Offers as real user agents send them (addresses changed), with CRLF line ends as on the wire.</summary>
internal static class SdpSamples
{
    public static string Crlf(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>baresip 3.x: a=rtcp (RFC 3605), telephone-event, ssrc and rtcp-rsize lines.</summary>
    public static readonly string Baresip = Crlf(
        "v=0",
        "o=- 1180186427 2118813165 IN IP4 192.168.1.20",
        "s=-",
        "c=IN IP4 192.168.1.20",
        "t=0 0",
        "m=audio 10768 RTP/AVP 0 8 101",
        "b=AS:64",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-15",
        "a=rtcp:10769",
        "a=sendrecv",
        "a=label:1",
        "a=ssrc:1946366457 cname:2d0a1b9c-33f1-4a41-9b1c-4c7a9f1c0e77",
        "a=rtcp-rsize");

    /// <summary>Linphone 5: session-level attribute, opus first, three telephone-event clocks, a video stream.</summary>
    public static readonly string Linphone = Crlf(
        "v=0",
        "o=alice 3131 2121 IN IP4 10.0.0.12",
        "s=Talk",
        "c=IN IP4 10.0.0.12",
        "t=0 0",
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics",
        "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100",
        "a=rtpmap:96 opus/48000/2",
        "a=fmtp:96 useinbandfec=1",
        "a=rtpmap:97 speex/16000",
        "a=fmtp:97 vbr=on",
        "a=rtpmap:98 speex/8000",
        "a=fmtp:98 vbr=on",
        "a=fmtp:18 annexb=yes",
        "a=rtpmap:101 telephone-event/48000",
        "a=rtpmap:99 telephone-event/16000",
        "a=rtpmap:100 telephone-event/8000",
        "a=rtcp-fb:* trr-int 1000",
        "m=video 9078 RTP/AVP 96",
        "a=rtpmap:96 VP8/90000",
        "a=rtcp-fb:96 nack pli",
        "a=rtcp-fb:96 ccm fir");

    /// <summary>SIPp 3.6 built-in uac scenario: the minimal offer.</summary>
    public static readonly string Sipp = Crlf(
        "v=0",
        "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
        "s=-",
        "c=IN IP4 127.0.0.1",
        "t=0 0",
        "m=audio 6000 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000");

    /// <summary>An IPv6 phone with no rtpmap for the static types and a ptime.</summary>
    public static readonly string Ipv6 = Crlf(
        "v=0",
        "o=- 20518 0 IN IP6 2001:db8::1",
        "s=-",
        "c=IN IP6 2001:db8::1",
        "t=0 0",
        "m=audio 5004 RTP/AVP 9 0 8 101",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-16",
        "a=ptime:20");

    /// <summary>A gateway that puts c= in the media section only, with an unknown x-line and a session direction.</summary>
    public static readonly string MediaLevelConnection = Crlf(
        "v=0",
        "o=GW 1 1 IN IP4 203.0.113.9",
        "s=session",
        "t=0 0",
        "a=recvonly",
        "m=audio 30000 RTP/AVP 18 101",
        "c=IN IP4 203.0.113.10",
        "a=rtpmap:18 G729/8000",
        "a=fmtp:18 annexb=no",
        "a=rtpmap:101 telephone-event/8000",
        "a=x-vendor:thing",
        "m=video 0 RTP/AVP 31",
        "c=IN IP4 203.0.113.10");

    /// <summary>MicroSIP with ICE: candidates that the rewrite must drop.</summary>
    public static readonly string Ice = Crlf(
        "v=0",
        "o=- 3912345678 3912345678 IN IP4 192.168.0.7",
        "s=pjmedia",
        "b=AS:84",
        "t=0 0",
        "a=X-nat:0",
        "m=audio 4000 RTP/AVP 8 0 101",
        "c=IN IP4 192.168.0.7",
        "b=TIAS:64000",
        "a=rtcp:4001 IN IP4 192.168.0.7",
        "a=sendrecv",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:101 telephone-event/8000",
        "a=fmtp:101 0-16",
        "a=ice-ufrag:4a5c1e2f",
        "a=ice-pwd:1b6f0e7a2c3d4e5f",
        "a=candidate:Ha8c00007 1 UDP 2130706431 192.168.0.7 4000 typ host",
        "a=candidate:Ha8c00007 2 UDP 2130706430 192.168.0.7 4001 typ host");

    /// <summary>An old-style hold re-INVITE (RFC 2543 c=0.0.0.0).</summary>
    public static readonly string HoldNullAddress = Crlf(
        "v=0",
        "o=user1 53655765 2353687638 IN IP4 10.1.1.1",
        "s=-",
        "c=IN IP4 0.0.0.0",
        "t=0 0",
        "m=audio 6000 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000");

    public static IEnumerable<TestCaseData> All()
    {
        yield return new TestCaseData(Baresip).SetName("baresip");
        yield return new TestCaseData(Linphone).SetName("Linphone");
        yield return new TestCaseData(Sipp).SetName("SIPp");
        yield return new TestCaseData(Ipv6).SetName("IPv6");
        yield return new TestCaseData(MediaLevelConnection).SetName("media-level c=");
        yield return new TestCaseData(Ice).SetName("ICE");
        yield return new TestCaseData(HoldNullAddress).SetName("hold c=0.0.0.0");
    }
}
