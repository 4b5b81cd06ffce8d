using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Timers;

namespace Softswitch.Tests.Sip.Timers;

public class TimerWheelTests
{
    private sealed class Recorder(FakeTimeProvider time, DateTimeOffset start) : ITimerTarget
    {
        public List<(int Kind, TimeSpan At)> Fired { get; } = [];

        public Func<int, TimeSpan?>? Reschedule { get; set; }

        public TimerWheel? Wheel { get; set; }

        public void OnTimer(int kind, TimerHandle handle)
        {
            Fired.Add((kind, time.GetUtcNow() - start));
            if (Reschedule?.Invoke(kind) is TimeSpan next)
            {
                Wheel!.Schedule(next, this, kind);
            }
        }
    }

    private FakeTimeProvider _time = null!;
    private DateTimeOffset _start;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _start = _time.GetUtcNow();
    }

    [Test]
    public void FiresNotBeforeDueAndAtMostOneTickLate()
    {
        using var wheel = new TimerWheel(_time);
        var target = new Recorder(_time, _start);
        wheel.Schedule(TimeSpan.FromMilliseconds(500), target, 1);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(target.Fired, Is.Empty);
        _time.Advance(TimeSpan.FromMilliseconds(11));
        Assert.That(target.Fired, Has.Count.EqualTo(1));
        Assert.That(wheel.Count, Is.Zero);
    }

    [Test]
    public void CancelledEntryNeverFiresAndStaleHandleCannotCancelNewEntry()
    {
        using var wheel = new TimerWheel(_time);
        var target = new Recorder(_time, _start);
        TimerHandle first = wheel.Schedule(TimeSpan.FromMilliseconds(100), target, 1);
        Assert.That(wheel.Cancel(first), Is.True);
        Assert.That(wheel.Cancel(first), Is.False);

        TimerHandle second = wheel.Schedule(TimeSpan.FromMilliseconds(100), target, 2);
        Assert.That(second.Index, Is.EqualTo(first.Index), "the freed entry is reused");
        Assert.That(wheel.Cancel(first), Is.False, "the stale handle has an older generation");

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(target.Fired.Select(f => f.Kind), Is.EqualTo(new[] { 2 }));
        Assert.That(wheel.Cancel(default), Is.False);
    }

    [Test]
    public void TimersBeyondOneTurnWaitForTheirTurn()
    {
        using var wheel = new TimerWheel(_time, TimeSpan.FromMilliseconds(10), slotCount: 8);
        var target = new Recorder(_time, _start);
        wheel.Schedule(TimeSpan.FromMilliseconds(250), target, 1); // 25 ticks on an 8-slot wheel: three turns

        for (int i = 0; i < 24; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        Assert.That(target.Fired, Is.Empty);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.That(target.Fired, Has.Count.EqualTo(1));
    }

    [Test]
    public void RescheduleFromCallbackIsTimedFromTheFiringTickDuringAClockJump()
    {
        using var wheel = new TimerWheel(_time);
        var target = new Recorder(_time, _start) { Wheel = wheel };
        TimeSpan interval = TimeSpan.FromMilliseconds(500);
        target.Reschedule = _ => (interval *= 2) <= TimeSpan.FromSeconds(4) ? interval / 2 : null;
        wheel.Schedule(interval, target, 1);

        // One jump of 10 s: firings happen at 0.5, 1.5, 3.5 and 7.5 s of wheel time, all within this one Advance.
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(target.Fired, Has.Count.EqualTo(4));
        Assert.That(wheel.Count, Is.Zero);
    }

    [Test]
    public void ManualTickWithoutHeartbeat()
    {
        using var wheel = new TimerWheel(_time, startHeartbeat: false);
        var target = new Recorder(_time, _start);
        wheel.Schedule(TimeSpan.FromMilliseconds(30), target, 7);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.That(target.Fired, Is.Empty, "no heartbeat: nothing fires until Tick");
        Assert.That(wheel.Tick(), Is.EqualTo(1));
        Assert.That(target.Fired.Single().Kind, Is.EqualTo(7));
    }

    [Test]
    public void ManyEntriesGrowThePoolAndAllFire()
    {
        using var wheel = new TimerWheel(_time);
        var target = new Recorder(_time, _start);
        var handles = new List<TimerHandle>();
        for (int i = 0; i < 1000; i++)
        {
            handles.Add(wheel.Schedule(TimeSpan.FromMilliseconds(i * 7 % 3000), target, i));
        }
        for (int i = 0; i < 1000; i += 2)
        {
            Assert.That(wheel.Cancel(handles[i]), Is.True);
        }
        Assert.That(wheel.Count, Is.EqualTo(500));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.That(target.Fired, Has.Count.EqualTo(500));
        Assert.That(target.Fired.All(f => f.Kind % 2 == 1), Is.True);
        Assert.That(wheel.Count, Is.Zero);
    }

    private sealed class Thrower : ITimerTarget
    {
        public void OnTimer(int kind, TimerHandle handle) => throw new InvalidOperationException("bug in a target");
    }

    [Test]
    public void AThrowingTargetDoesNotStopTheOthers()
    {
        using var wheel = new TimerWheel(_time);
        var target = new Recorder(_time, _start);
        wheel.Schedule(TimeSpan.FromMilliseconds(20), new Thrower(), 1);
        wheel.Schedule(TimeSpan.FromMilliseconds(20), target, 2);
        wheel.Schedule(TimeSpan.FromMilliseconds(40), target, 3);
        Assert.That(() => _time.Advance(TimeSpan.FromMilliseconds(50)), Throws.Nothing);
        Assert.That(target.Fired.Select(f => f.Kind), Is.EqualTo(new[] { 2, 3 }));
    }
}
