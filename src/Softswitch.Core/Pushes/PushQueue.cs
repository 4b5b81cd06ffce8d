using System.Threading.Channels;

namespace Softswitch.Core.Pushes;

/// <summary>
/// The <see cref="IPushPublisher"/>: a bounded in-memory queue in front of the SQLite writer of
/// <see cref="PushSender"/>, so publishing on the call path is one channel write (001_… §4.5 reports are raised on
/// the call's own context). When the queue is full the newest push is refused and counted
/// (<see cref="PushStats.QueueFull"/>): the older ones are earlier in their lanes, and dropping them would leave a
/// hole before pushes already accepted.
/// </summary>
public sealed class PushQueue : IPushPublisher
{
    private readonly Channel<QueuedPush> _channel;
    private readonly TimeProvider _time;

    public PushQueue(PushOptions options, PushStats stats, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        Enabled = options.Enabled;
        Stats = stats;
        _time = time;
        _channel = Channel.CreateBounded<QueuedPush>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false: the newest is refused, counted
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>False when push.url is empty: everything published is ignored.</summary>
    public bool Enabled { get; }

    public PushStats Stats { get; }

    /// <summary>Pushes published but not yet stored.</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<QueuedPush> Reader => _channel.Reader;

    public bool Publish(PushMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Enabled)
        {
            return false;
        }
        if (_channel.Writer.TryWrite(new QueuedPush(message, _time.GetUtcNow().ToUnixTimeMilliseconds())))
        {
            Stats.OnPublished();
            return true;
        }
        Stats.OnQueueFull();
        return false;
    }

    /// <summary>Closes the queue: later pushes are refused, those queued are still stored.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
