using Softswitch.Api.Composition;
using Softswitch.Core.Pushes;

namespace Softswitch.Tests.Api.Composition;

/// <summary>How the HTTP transport addresses a push (001_… §4.1) and classifies the receiver's answer.</summary>
public class HttpPushTransportTests
{
    [TestCase(200, PushSendResult.Delivered)]
    [TestCase(204, PushSendResult.Delivered)]
    [TestCase(400, PushSendResult.Rejected)]
    [TestCase(404, PushSendResult.Rejected)]
    [TestCase(408, PushSendResult.Retry)]
    [TestCase(429, PushSendResult.Retry)]
    [TestCase(500, PushSendResult.Retry)]
    [TestCase(503, PushSendResult.Retry)]
    public void StatusClassification(int status, PushSendResult expected) =>
        Assert.That(HttpPushTransport.Classify((System.Net.HttpStatusCode)status), Is.EqualTo(expected));

    [Test]
    public void UrlIsBasePlusPagePlusSuffix()
    {
        using var transport = new HttpPushTransport(new PushOptions { Url = "http://example.test/vos/", PageSuffix = ".do" });
        Assert.That(transport.UrlFor("PhoneOnline"), Is.EqualTo("http://example.test/vos/PhoneOnline.do"));
    }
}
