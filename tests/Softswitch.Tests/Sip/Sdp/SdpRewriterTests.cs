using System.Net;
using Softswitch.Sip.Sdp;
using static Softswitch.Tests.Sip.Sdp.SdpSamples;

namespace Softswitch.Tests.Sip.Sdp;

/// <summary>Rewriting for the relay: every address and port the other leg uses points at the switch.</summary>
public class SdpRewriterTests
{
    private static readonly IPAddress Switch = IPAddress.Parse("198.51.100.1");

    private static SdpSession Parse(string text) => SdpParser.Parse(text).Session!;

    [Test]
    public void Rewrites_c_m_o_and_rtcp_and_keeps_everything_else()
    {
        SdpSession source = Parse(Baresip);

        SdpSession rewritten = SdpRewriter.ForRelay(source, Switch, [20000]);

        string expected = Baresip
            .Replace("o=- 1180186427 2118813165 IN IP4 192.168.1.20", "o=- 1180186427 2118813166 IN IP4 198.51.100.1", StringComparison.Ordinal)
            .Replace("c=IN IP4 192.168.1.20", "c=IN IP4 198.51.100.1", StringComparison.Ordinal)
            .Replace("m=audio 10768", "m=audio 20000", StringComparison.Ordinal)
            .Replace("a=rtcp:10769", "a=rtcp:20001", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(rewritten.ToString(), Is.EqualTo(expected));
            Assert.That(source.ToString(), Is.EqualTo(Baresip), "source untouched");
        });
    }

    [Test]
    public void Rejected_stream_stays_at_port_zero_and_media_level_c_is_rewritten()
    {
        SdpSession rewritten = SdpRewriter.ForRelay(Parse(MediaLevelConnection), Switch, [20010, 20020]);

        Assert.Multiple(() =>
        {
            Assert.That(rewritten.Media[0].Port, Is.EqualTo(20010));
            Assert.That(rewritten.Media[1].Port, Is.Zero);
            Assert.That(rewritten.ConnectionOf(rewritten.Media[0])!.Address, Is.EqualTo("198.51.100.1"));
            Assert.That(rewritten.Connection, Is.Null, "no session-level c= is invented");
            Assert.That(rewritten.Media[0].Attribute("x-vendor"), Is.EqualTo("thing"));
            Assert.That(rewritten.Origin.SessionVersion, Is.EqualTo(2));
        });
    }

    [Test]
    public void Port_zero_rejects_a_stream_the_relay_does_not_carry()
    {
        SdpSession rewritten = SdpRewriter.ForRelay(Parse(Linphone), Switch, 20000);

        Assert.Multiple(() =>
        {
            Assert.That(rewritten.Media[0].Port, Is.EqualTo(20000));
            Assert.That(rewritten.Media[1].Port, Is.Zero);
            Assert.That(rewritten.Media[1].Lines[0].Value, Is.EqualTo("video 0 RTP/AVP 96"));
        });
    }

    [Test]
    public void Ice_attributes_are_dropped_and_rtcp_address_rewritten()
    {
        SdpSession rewritten = SdpRewriter.ForRelay(Parse(Ice), Switch, [30000]);
        string text = rewritten.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("candidate").And.Not.Contain("ice-"));
            Assert.That(text, Does.Not.Contain("192.168.0.7"));
            Assert.That(rewritten.Media[0].Attribute("rtcp"), Is.EqualTo("30001 IN IP4 198.51.100.1"));
            Assert.That(rewritten.Attribute("X-nat"), Is.EqualTo("0"));
        });
    }

    [Test]
    public void IPv6_switch_address_sets_IP6()
    {
        SdpSession rewritten = SdpRewriter.ForRelay(Parse(Sipp), IPAddress.Parse("2001:db8::5"), [20000]);

        Assert.Multiple(() =>
        {
            Assert.That(rewritten.Connection!.Format(), Is.EqualTo("IN IP6 2001:db8::5"));
            Assert.That(rewritten.Origin.AddressType, Is.EqualTo("IP6"));
        });
    }

    [Test]
    public void Null_address_hold_is_passed_on()
    {
        SdpSession rewritten = SdpRewriter.ForRelay(Parse(HoldNullAddress), Switch, [20000]);

        Assert.Multiple(() =>
        {
            Assert.That(rewritten.Connection!.Address, Is.EqualTo("0.0.0.0"));
            Assert.That(rewritten.IsOnHold(rewritten.Media[0]), Is.True);
            Assert.That(rewritten.Media[0].Port, Is.EqualTo(20000));
        });
    }

    [Test]
    public void Same_input_gives_the_same_version_and_a_new_offer_a_higher_one()
    {
        SdpSession first = SdpRewriter.ForRelay(Parse(Sipp), Switch, [20000]);
        SdpSession again = SdpRewriter.ForRelay(Parse(Sipp), Switch, [20000]);
        SdpSession hold = SdpRewriter.ForRelay(Parse(HoldNullAddress), Switch, [20000]);

        Assert.Multiple(() =>
        {
            Assert.That(again.ToString(), Is.EqualTo(first.ToString()));
            Assert.That(first.Origin.SessionVersion, Is.EqualTo(2353687638UL));
            Assert.That(hold.Origin.SessionVersion, Is.GreaterThan(first.Origin.SessionVersion));
        });
    }

    [Test]
    public void Nothing_to_change_keeps_the_version()
    {
        SdpSession once = SdpRewriter.ForRelay(Parse(Sipp), Switch, [20000]);

        SdpSession twice = SdpRewriter.ForRelay(once, Switch, [20000]);

        Assert.That(twice.ToString(), Is.EqualTo(once.ToString()));
    }

    [Test]
    public void Port_list_must_match_the_streams()
    {
        Assert.That(() => SdpRewriter.ForRelay(Parse(Linphone), Switch, [20000]), Throws.ArgumentException);
    }
}
