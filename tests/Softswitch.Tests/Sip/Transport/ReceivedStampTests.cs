using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.Transport;

/// <summary>RFC 3261 §18.2.1 and RFC 3581 §4: the received parameter states the packet's source, whatever the client wrote.</summary>
public class ReceivedStampTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("198.51.100.7"), 40000);

    private static SipVia Stamp(string via)
    {
        var request = new SipRequest(SipMethod.Invite, SipUri.Parse("sip:1002@192.0.2.1"));
        request.Headers.Add(HeaderKind.Via, via);
        ReceivedStamp.Apply(request, Source);
        return request.TopVia;
    }

    [Test]
    public void ForgedReceivedIsReplacedByTheSourceAddress()
    {
        SipVia via = Stamp("SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK1;received=203.0.113.66");
        Assert.That(via.Received, Is.EqualTo("198.51.100.7"));
    }

    [Test]
    public void SentByMatchingTheSourceGetsNoReceived()
    {
        SipVia via = Stamp("SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK1");
        Assert.That(via.Received, Is.Null);
    }

    [Test]
    public void RportIsFilledWithTheSourcePort()
    {
        SipVia via = Stamp("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;rport");
        Assert.Multiple(() =>
        {
            Assert.That(via.Received, Is.EqualTo("198.51.100.7"));
            Assert.That(via.Parameters.Get("rport"), Is.EqualTo("40000"));
        });
    }
}
