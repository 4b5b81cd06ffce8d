using Softswitch.Sip;
using Softswitch.Sip.Messages;
using Softswitch.Tests.Sip.Transactions;

namespace Softswitch.Tests.Sip;

/// <summary>The checks every request passes before its owner sees it (RFC 3261 §8.2, RFC 7332 §3).</summary>
public class SipRequestRouterTests
{
    private static SipRequest Request(SipMethod method, string? toTag = null, string uri = "sip:1002@192.0.2.1")
    {
        var request = TestMessages.Request(method, toTag: toTag);
        request.RequestUri = SipUri.Parse(uri);
        return request;
    }

    private static SipRequest Unknown()
    {
        var request = new SipRequest(SipMethod.Unknown, "FOO", SipUri.Parse("sip:1002@192.0.2.1"), new SipHeaders(), ReadOnlyMemory<byte>.Empty);
        foreach (string name in new[] { "Via", "From", "To", "Call-ID", "CSeq" })
        {
            var template = TestMessages.Request(SipMethod.Options);
            request.Headers.Add(name, template.Headers.Get(name)!);
        }
        return request;
    }

    [Test]
    public void AnUnknownMethodGets501WithAllow()
    {
        var response = SipRequestRouter.Refusal(Unknown());
        Assert.That(response?.StatusCode, Is.EqualTo(501));
        Assert.That(response!.Headers.Get(HeaderKind.Allow), Is.EqualTo(SipCapabilities.Allow));
    }

    [TestCase(SipMethod.Subscribe)]
    [TestCase(SipMethod.Publish)]
    [TestCase(SipMethod.Notify)]
    [TestCase(SipMethod.Refer)]
    public void AKnownMethodTheSwitchDoesNotImplementGets405WithAllow(SipMethod method)
    {
        var response = SipRequestRouter.Refusal(Request(method));
        Assert.That(response?.StatusCode, Is.EqualTo(405));
        Assert.That(response!.Headers.Get(HeaderKind.Allow), Is.EqualTo(SipCapabilities.Allow));
    }

    [Test]
    public void InsideADialogTheCallDecidesOnNotify() =>
        Assert.That(SipRequestRouter.Refusal(Request(SipMethod.Notify, toTag: "t1")), Is.Null);

    [TestCase(SipMethod.Options)]
    [TestCase(SipMethod.Message)]
    [TestCase(SipMethod.Register)]
    [TestCase(SipMethod.Invite)]
    public void AnUnknownUriSchemeGets416(SipMethod method)
    {
        var response = SipRequestRouter.Refusal(Request(method, uri: "nobodyKnowsThisScheme:totallyopaquecontent"));
        Assert.That(response?.StatusCode, Is.EqualTo(416));
    }

    [Test]
    public void ATelUriIsDialledByInviteOnly()
    {
        Assert.That(SipRequestRouter.Refusal(Request(SipMethod.Invite, uri: "tel:+8613900000002")), Is.Null);
        Assert.That(SipRequestRouter.Refusal(Request(SipMethod.Options, uri: "tel:+8613900000002"))?.StatusCode, Is.EqualTo(416));
    }

    [Test]
    public void AnUnsupportedRequireGets420ListingOnlyTheUnknownTags()
    {
        var request = Request(SipMethod.Invite);
        request.Headers.Add(HeaderKind.Require, "timer, x-no-such-extension");
        request.Headers.Add(HeaderKind.Require, "nor-this");
        var response = SipRequestRouter.Refusal(request);
        Assert.That(response?.StatusCode, Is.EqualTo(420));
        Assert.That(response!.Headers.Get(HeaderKind.Unsupported), Is.EqualTo("x-no-such-extension, nor-this"));
    }

    [Test]
    public void ASupportedRequirePasses()
    {
        var request = Request(SipMethod.Options);
        request.Headers.Add(HeaderKind.Require, "Timer");
        Assert.That(SipRequestRouter.Refusal(request), Is.Null);
    }

    [Test]
    public void CancelIsNeverRefused420()
    {
        // RFC 3261 §8.2.2.3: Require is not checked on CANCEL (nor ACK, which never reaches the router).
        var request = Request(SipMethod.Cancel);
        request.Headers.Add(HeaderKind.Require, "x-no-such-extension");
        Assert.That(SipRequestRouter.Refusal(request), Is.Null);
    }

    [TestCase(SipMethod.Invite, null, 483)]
    [TestCase(SipMethod.Message, null, 483)]
    [TestCase(SipMethod.Info, "t1", 483)]
    [TestCase(SipMethod.Update, "t1", 483)]
    [TestCase(SipMethod.Invite, "t1", 483)]
    [TestCase(SipMethod.Bye, "t1", null)]
    [TestCase(SipMethod.Options, null, null)]
    [TestCase(SipMethod.Register, null, null)]
    [TestCase(SipMethod.Cancel, null, null)]
    public void MaxForwardsZeroStopsOnlyWhatTheSwitchPassesOn(SipMethod method, string? toTag, int? expected)
    {
        var request = Request(method, toTag);
        request.Headers.Set(HeaderKind.MaxForwards, "0");
        Assert.That(SipRequestRouter.Refusal(request)?.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public void MaxForwardsOnePassesOn()
    {
        var request = Request(SipMethod.Invite);
        request.Headers.Set(HeaderKind.MaxForwards, "1");
        Assert.That(SipRequestRouter.Refusal(request), Is.Null);
    }
}
