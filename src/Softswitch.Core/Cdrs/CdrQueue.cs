using System.Threading.Channels;

namespace Softswitch.Core.Cdrs;

/// <summary>
/// The bounded queue between ended calls and <see cref="CdrWriter"/>. Enqueueing never blocks the call path: when
/// the queue is full (the store cannot keep up) or closed (shutting down) the CDR is refused and counted, so the
/// loss is visible in metrics instead of stalling every call. Its length is GetPerformance cdrQueueSize (001_… §3.57).
/// </summary>
public sealed class CdrQueue
{
    private readonly Channel<Cdr> _channel;
    private long _accepted;
    private long _refused;

    public CdrQueue(CdrQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        Capacity = options.Capacity;
        _channel = Channel.CreateBounded<Cdr>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false instead of dropping silently
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public int Capacity { get; }

    /// <summary>CDRs waiting to be written.</summary>
    public int Count => _channel.Reader.Count;

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>CDRs refused because the queue was full or closed.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal ChannelReader<Cdr> Reader => _channel.Reader;

    /// <summary>Queues a CDR for writing; false (counted in <see cref="Refused"/>) when full or closed.</summary>
    public bool TryEnqueue(Cdr cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        if (_channel.Writer.TryWrite(cdr))
        {
            Interlocked.Increment(ref _accepted);
            return true;
        }
        Interlocked.Increment(ref _refused);
        return false;
    }

    /// <summary>Closes the queue: later CDRs are refused, those already queued are still read.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
