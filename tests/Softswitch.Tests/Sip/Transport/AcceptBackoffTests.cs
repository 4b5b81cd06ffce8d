using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transport;

namespace Softswitch.Tests.Sip.Transport;

/// <summary>A failing accept loop waits 10 ms doubling to 1 s, logs once per interval with a count (issue 12 hole 1).</summary>
public class AcceptBackoffTests
{
    [Test]
    public void DelaysDoubleFromTenMillisecondsUpToOneSecondAndStartAgainAfterASuccess()
    {
        var backoff = new AcceptBackoff(new FakeTimeProvider());
        var delays = Enumerable.Range(0, 10).Select(_ => backoff.Failed().Delay.TotalMilliseconds).ToList();
        Assert.That(delays, Is.EqualTo(new double[] { 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000 }));

        backoff.Succeeded();
        Assert.That(backoff.Failed().Delay, Is.EqualTo(AcceptBackoff.FirstDelay));
    }

    [Test]
    public void FailuresAreReportedOncePerIntervalWithHowManyThereWere()
    {
        var time = new FakeTimeProvider();
        var backoff = new AcceptBackoff(time);
        Assert.That(backoff.Failed().ToLog, Is.EqualTo(1), "the first failure is reported at once");
        for (int i = 0; i < 99; i++)
        {
            Assert.That(backoff.Failed().ToLog, Is.Zero, "nothing more within the interval");
        }
        time.Advance(AcceptBackoff.LogInterval);
        Assert.That(backoff.Failed().ToLog, Is.EqualTo(100), "the 99 held back and this one");
        Assert.That(backoff.Failed().ToLog, Is.Zero);
    }
}
