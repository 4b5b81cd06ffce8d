using System.Globalization;
using System.Net;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;

namespace Softswitch.Tests.Sip.Registrar;

/// <summary>REGISTER requests as a phone or gateway at 10.0.0.x:5070 sends them, parsed from wire text.</summary>
internal static class RegisterRequests
{
    /// <param name="contact">A Contact value; "{0}" stands for the user.</param>
    public static SipRequest Build(string user, int cseq, string? authorization, string expires, string contact, string source,
        int sourcePort = 5070, string callId = "reg-1@10.0.0.5")
    {
        var sb = new StringBuilder();
        sb.Append("REGISTER sip:127.0.0.1 SIP/2.0\r\n");
        sb.Append($"Via: SIP/2.0/UDP 10.0.0.5:5070;branch=z9hG4bK{Guid.NewGuid():N}\r\n");
        sb.Append($"From: <sip:{user}@127.0.0.1>;tag=abc\r\n");
        sb.Append($"To: <sip:{user}@127.0.0.1>\r\n");
        sb.Append($"Call-ID: {callId}\r\n");
        sb.Append($"CSeq: {cseq} REGISTER\r\n");
        sb.Append($"Contact: {string.Format(CultureInfo.InvariantCulture, contact, user)}\r\n");
        if (expires.Length > 0)
        {
            sb.Append($"Expires: {expires}\r\n");
        }
        if (authorization is not null)
        {
            sb.Append($"Authorization: {authorization}\r\n");
        }
        sb.Append("Content-Length: 0\r\n\r\n");
        var result = SipParser.Parse(Encoding.ASCII.GetBytes(sb.ToString()), SipParserLimits.Default);
        Assert.That(result.Success, Is.True, result.Detail);
        var request = (SipRequest)result.Message!;
        request.Source = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse(source), sourcePort));
        return request;
    }
}
