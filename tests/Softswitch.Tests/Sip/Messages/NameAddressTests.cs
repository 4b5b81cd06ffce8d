using Softswitch.Sip.Messages;

namespace Softswitch.Tests.Sip.Messages;

public sealed class NameAddressTests
{
    [TestCase("\"Watson, Thomas\" < sip:t.watson@example.org >")]
    [TestCase("<sip:a@example.com ;x>")]
    [TestCase("sip:user@example.com?Route=%3Csip:sip.example.com%3E")]
    [TestCase("Bell, Alexander <sip:a.g.bell@example.com>")]
    [TestCase("\"unterminated <sip:a@example.com>")]
    public void MalformedValuesAreRefused(string text) =>
        Assert.That(() => NameAddress.Parse(text), Throws.TypeOf<SipFormatException>());

    [Test]
    public void AddrSpecMayHaveWhiteSpaceBeforeParameters()
    {
        var na = NameAddress.Parse("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n");

        Assert.That(na.Uri.Host, Is.EqualTo("chair-dnrc.example.com"));
        Assert.That(na.Tag, Is.EqualTo("1918181833n"));
    }
}
