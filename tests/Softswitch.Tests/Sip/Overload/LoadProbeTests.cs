using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Overload;

namespace Softswitch.Tests.Sip.Overload;

/// <summary>The queue-delay measurement behind the adaptive rule, on a fake clock and a work queue the test runs.</summary>
public class LoadProbeTests
{
    private FakeTimeProvider _time = null!;
    private OverloadGuard _guard = null!;
    private Queue<Action> _pool = null!;
    private TimeSpan _backlog;
    private LoadProbe _probe = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _guard = new OverloadGuard(new OverloadOptions { MaxQueueDelayMilliseconds = 100 }, _time, NullLogger<OverloadGuard>.Instance);
        _pool = new Queue<Action>();
        _backlog = TimeSpan.Zero;
        _probe = new LoadProbe(_guard, () => _backlog, _time, clock: _time, queue: _pool.Enqueue, start: false);
    }

    [TearDown]
    public void TearDown() => _probe.Dispose();

    [Test]
    public void AProbeThatRunsAtOnceReadsNoDelay()
    {
        for (int i = 0; i < 10; i++)
        {
            _probe.Tick();
            _pool.Dequeue()();
            _time.Advance(LoadProbe.Interval);
        }

        Assert.That(_guard.QueueDelay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(_guard.AdmittedShare, Is.EqualTo(1));
    }

    [Test]
    public void AProbeStillWaitingReadsAsLongAsItHasWaited()
    {
        _probe.Tick();
        for (int i = 1; i <= 6; i++)
        {
            _time.Advance(LoadProbe.Interval);
            _probe.Tick();
            Assert.That(_guard.QueueDelay, Is.EqualTo(LoadProbe.Interval * i));
        }
        Assert.That(_pool, Has.Count.EqualTo(1), "one probe in flight at a time");
        Assert.That(_guard.AdmittedShare, Is.LessThan(1), "four readings above 100 ms in a row");
    }

    [Test]
    public void TheDelayAProbeWaitedIsReportedAtTheNextTick()
    {
        _probe.Tick();
        _time.Advance(TimeSpan.FromMilliseconds(70));
        _pool.Dequeue()(); // ran after 70 ms in the queue
        _time.Advance(TimeSpan.FromMilliseconds(30));

        _probe.Tick();

        Assert.That(_guard.QueueDelay, Is.EqualTo(TimeSpan.FromMilliseconds(70)));
        Assert.That(_pool, Has.Count.EqualTo(1), "the next probe went out");
    }

    [Test]
    public void AReceiveLoopBusyLongerThanThePoolDelayWins()
    {
        _backlog = TimeSpan.FromMilliseconds(400);

        _probe.Tick();

        Assert.That(_guard.QueueDelay, Is.EqualTo(TimeSpan.FromMilliseconds(400)));
    }
}
