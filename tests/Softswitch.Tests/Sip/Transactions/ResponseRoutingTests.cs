using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>RFC 3261 §18.2.2 with RFC 3581 rport.</summary>
public class ResponseRoutingTests
{
    private static readonly IPEndPoint NatSource = new(IPAddress.Parse("203.0.113.50"), 40123);

    private static SipRequest From(string via, SipTransportKind transport = SipTransportKind.Udp, IPEndPoint? source = null)
    {
        var request = new SipRequest(SipMethod.Register, SipUri.Parse("sip:192.0.2.1"));
        request.Headers.Add(HeaderKind.Via, via);
        request.Source = source is null ? null : new SipEndPoint(transport, source);
        return request;
    }

    [Test]
    public void RportSendsToTheSourceAddressAndPort()
    {
        var request = From("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;rport", source: NatSource);
        Assert.That(ResponseRouting.Destination(request), Is.EqualTo(new SipEndPoint(SipTransportKind.Udp, NatSource)));
    }

    [Test]
    public void WithoutRportTheReceivedAddressAndViaPortAreUsed()
    {
        var request = From("SIP/2.0/UDP 10.0.0.5:5070;branch=z9hG4bK1;received=203.0.113.50", source: NatSource);
        Assert.That(ResponseRouting.Destination(request)!.EndPoint, Is.EqualTo(new IPEndPoint(NatSource.Address, 5070)));
    }

    [Test]
    public void WithoutReceivedTheSourceAddressStandsInForIt()
    {
        var request = From("SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1", source: NatSource);
        Assert.That(ResponseRouting.Destination(request)!.EndPoint, Is.EqualTo(new IPEndPoint(NatSource.Address, 5060)));
    }

    [Test]
    public void WithoutSourceTheSentByAddressIsUsed()
    {
        var request = From("SIP/2.0/UDP 10.0.0.5:5080;branch=z9hG4bK1");
        Assert.That(ResponseRouting.Destination(request), Is.EqualTo(new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5080))));
    }

    [Test]
    public void SentByHostNameWithoutSourceNeedsDns()
    {
        Assert.That(ResponseRouting.Destination(From("SIP/2.0/UDP pbx.example.com;branch=z9hG4bK1")), Is.Null);
    }

    [Test]
    public void ReliableTransportsAnswerOverTheConnection()
    {
        var request = From("SIP/2.0/TCP 10.0.0.5:5060;branch=z9hG4bK1", SipTransportKind.Tcp, NatSource);
        Assert.That(ResponseRouting.Destination(request), Is.EqualTo(new SipEndPoint(SipTransportKind.Tcp, NatSource)));
    }

    [Test]
    public void MaddrWrittenByTheClientIsIgnored()
    {
        var request = From("SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1;maddr=239.255.255.1", source: NatSource);
        Assert.That(ResponseRouting.Destination(request)!.EndPoint, Is.EqualTo(new IPEndPoint(NatSource.Address, 5060)));
    }

    [Test]
    public void ReceivedWrittenByTheClientIsIgnored()
    {
        var request = From("SIP/2.0/UDP 203.0.113.50:5070;branch=z9hG4bK1;received=192.0.2.99", source: NatSource);
        Assert.That(ResponseRouting.Destination(request)!.EndPoint, Is.EqualTo(new IPEndPoint(NatSource.Address, 5070)));
    }

    [Test]
    public void WithoutSourceMaddrAndReceivedAreIgnoredToo()
    {
        var request = From("SIP/2.0/UDP 10.0.0.5:5080;branch=z9hG4bK1;received=192.0.2.99;maddr=192.0.2.98");
        Assert.That(ResponseRouting.Destination(request)!.EndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5080)));
    }

    [Test]
    public void Ipv6SentBy()
    {
        var request = From("SIP/2.0/UDP [2001:db8::5]:5062;branch=z9hG4bK1");
        Assert.That(ResponseRouting.Destination(request)!.EndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Parse("2001:db8::5"), 5062)));
    }
}
