using Microsoft.Extensions.Time.Testing;
using Softswitch.Core.Pushes;

namespace Softswitch.Tests.Core.Pushes;

/// <summary>The publishing side: never blocks, refuses and counts when off or full; lanes follow the manual's keys.</summary>
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
}
