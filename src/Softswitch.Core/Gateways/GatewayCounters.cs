namespace Softswitch.Core.Gateways;

/// <summary>
/// One gateway's counters inside <see cref="GatewayStatistics"/>. Current and carried calls are interlocked (read
/// lock-free while routing); the window slices and the totals change together under a per-gateway lock held for a
/// few additions, so two gateways never contend and a reader never sees half an update.
/// </summary>
internal sealed class GatewayCounters
{
    /// <summary>Slices of the sliding window: it slides by a tenth of its length.</summary>
    public const int Slices = 10;

    private readonly Lock _lock = new();
    private readonly GatewayTrafficSlice[] _slices = new GatewayTrafficSlice[Slices];
    private GatewayTraffic _total;
    private string _name;
    private int _current;
    private long _carried;
    private long _lastActivityTicks;

    public GatewayCounters(GatewayKey key, string name)
    {
        Key = key;
        _name = name;
    }

    public GatewayKey Key { get; }

    public string Name
    {
        get => Volatile.Read(ref _name);
        set => Volatile.Write(ref _name, value);
    }

    public int Current => Volatile.Read(ref _current);

    public long Carried => Volatile.Read(ref _carried);

    public DateTimeOffset? LastActivity =>
        Volatile.Read(ref _lastActivityTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>A new attempt takes a line: one more current call, one more carried.</summary>
    public void Started(DateTimeOffset now)
    {
        Interlocked.Increment(ref _current);
        Interlocked.Increment(ref _carried);
        Touch(now);
    }

    /// <summary>An attempt failed or a call ended: its line is free again (never below zero).</summary>
    public void Released()
    {
        int seen = Volatile.Read(ref _current);
        while (seen > 0)
        {
            int previous = Interlocked.CompareExchange(ref _current, seen - 1, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }

    /// <summary>Adds what just concluded to the slice of <paramref name="epoch"/> (recycling a lapsed one) and to the totals.</summary>
    public void Add(in GatewayTraffic delta, long epoch, DateTimeOffset now)
    {
        lock (_lock)
        {
            ref var slice = ref _slices[epoch % Slices];
            if (slice.Epoch != epoch)
            {
                slice.Epoch = epoch;
                slice.Traffic = default;
            }
            slice.Traffic += delta;
            _total += delta;
        }
        Touch(now);
    }

    /// <summary>The sum of the slices of the last <see cref="Slices"/> epochs up to <paramref name="epoch"/>.</summary>
    public GatewayTraffic Window(long epoch)
    {
        GatewayTraffic sum = default;
        lock (_lock)
        {
            foreach (ref readonly var slice in _slices.AsSpan())
            {
                if (slice.Epoch <= epoch && slice.Epoch > epoch - Slices)
                {
                    sum += slice.Traffic;
                }
            }
        }
        return sum;
    }

    public GatewayTraffic Total()
    {
        lock (_lock)
        {
            return _total;
        }
    }

    private void Touch(DateTimeOffset now) => Volatile.Write(ref _lastActivityTicks, now.UtcTicks);
}
