using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.Messages;

public sealed class SipUriTests
{
    [Test]
    public void QuestionMarkInTheUserPartIsNotTheHeaderSeparator()
    {
        var uri = SipUri.Parse("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com");

        Assert.That(uri.User, Is.EqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"));
        Assert.That(uri.Password, Is.EqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"));
        Assert.That(uri.Headers, Is.Null);
    }

    [Test]
    public void HeadersFollowTheHost()
    {
        var uri = SipUri.Parse("sip:user@example.com;lr?Route=%3Csip:example.com%3E");

        Assert.That(uri.Headers, Is.EqualTo("Route=%3Csip:example.com%3E"));
        Assert.That(uri.Parameters.Has("lr"), Is.True);
        Assert.That(uri.ToString(), Is.EqualTo("sip:user@example.com;lr?Route=%3Csip:example.com%3E"));
    }
}
