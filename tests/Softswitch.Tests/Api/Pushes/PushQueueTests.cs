using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Composition;
using Softswitch.Core.Pushes;

namespace Softswitch.Tests.Api.Pushes;

/// <summary>The publishing side: never blocks, refuses and counts when off or full; options fail fast.</summary>
public class PushQueueTests
{
    private static PushMessage Money(double money) => PushMessage.CustomerMoneyChange("acme", money);

    [Test]
    public void FullQueueRefusesTheNewestAndCountsIt()
    {
        var options = new PushOptions { Url = "http://127.0.0.1:1/vos", QueueCapacity = 3 };
        var queue = new PushQueue(options, new PushStats(), new FakeTimeProvider());
        var accepted = Enumerable.Range(0, 5).Select(i => queue.Publish(Money(i))).ToArray();
        Assert.That(accepted, Is.EqualTo(new[] { true, true, true, false, false }));
        Assert.That(queue.Stats.Published, Is.EqualTo(3));
        Assert.That(queue.Stats.QueueFull, Is.EqualTo(2));
        Assert.That(queue.Stats.Dropped, Is.EqualTo(2));
        Assert.That(queue.Count, Is.EqualTo(3));
    }

    [Test]
    public void EmptyUrlTurnsPushesOff()
    {
        var queue = new PushQueue(new PushOptions(), new PushStats(), TimeProvider.System);
        Assert.That(queue.Enabled, Is.False);
        Assert.That(queue.Publish(Money(1)), Is.False);
        Assert.That(queue.Stats.Published + queue.Stats.Dropped, Is.Zero);
    }

    [Test]
    public void LanesFollowTheManualKeys()
    {
        Assert.That(Money(1).Lane, Is.EqualTo("customer:acme"));
        Assert.That(PushMessage.AlarmCurrentReport([]).Lane, Is.EqualTo("alarm"));
        Assert.That(PushMessage.DtmfInfo(new PushDtmfInfoPush
        {
            FlowNo = 7, CallerE164 = "1", CalleeE164 = "2", AccessE164 = "9", MenuName = "m", Dtmf = "1",
        }).Page, Is.EqualTo("PushDtmfInfo"));
    }

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

    [Test]
    public void BadOptionsNameTheKey()
    {
        var result = new PushOptionsValidator().Validate(null, new PushOptions
        {
            Url = "not a url",
            Concurrency = 0,
            MaxAge = TimeSpan.Zero,
        });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("push.url").And.Contain("push.concurrency").And.Contain("push.maxAge"));
        Assert.That(new PushOptionsValidator().Validate(null, new PushOptions()), Is.EqualTo(ValidateOptionsResult.Success));
    }
}
