using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Tests.Sip.Transactions;

/// <summary>A layer on a fake clock, a recording transport and a recording TU; default timers (T1 500 ms, T2 4 s, T4 5 s).</summary>
public abstract class TransactionFixture
{
    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected TimerWheel Wheel { get; private set; } = null!;

    private protected FakeTransport Transport { get; private set; } = null!;

    private protected RecordingUser User { get; private set; } = null!;

    private protected SipTransactionLayer Layer { get; private set; } = null!;

    private protected static readonly SipEndPoint Destination = TestMessages.Peer;

    [SetUp]
    public void CreateLayer()
    {
        Time = new FakeTimeProvider();
        Wheel = new TimerWheel(Time);
        Transport = new FakeTransport(Time);
        User = new RecordingUser();
        Layer = new SipTransactionLayer(Transport, User, Wheel);
    }

    [TearDown]
    public void DisposeWheel() => Wheel.Dispose();

    /// <summary>Moves the clock in 10 ms steps so recorded send times are exact to the tick.</summary>
    private protected void Run(TimeSpan duration)
    {
        TimeSpan step = TimeSpan.FromMilliseconds(10);
        for (TimeSpan done = TimeSpan.Zero; done < duration; done += step)
        {
            Time.Advance(step);
        }
    }

    private protected void RunMs(int milliseconds) => Run(TimeSpan.FromMilliseconds(milliseconds));

    private protected static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
