using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Sip.Timers;

/// <summary>
/// A hashed timer wheel: every SIP timer of the process (RFC 3261 §17 timers A-K, the 100 Trying delay, ...) lives
/// here, driven by ONE periodic <see cref="TimeProvider.CreateTimer"/> heartbeat, never a Timer or Task.Delay per
/// transaction (Kestrel's heartbeat model, see docs/architecture.md "Hot paths").
/// </summary>
/// <remarks>
/// <para>Time is cut into ticks of <see cref="TickDuration"/>; an entry due at tick <c>d</c> sits in slot
/// <c>d % SlotCount</c> and fires when the wheel processes tick <c>d</c> (entries more than one turn away stay in
/// their slot for later turns). Entries are structs in a growable array with a free list, chained per slot by index,
/// so <see cref="Schedule"/> and <see cref="Cancel"/> are O(1) and allocation-free once the array has grown.</para>
/// <para>Threading: schedule and cancel take a short lock and may be called from any thread. <see cref="Tick"/> runs on
/// one thread at a time (a concurrent call returns at once); it processes each elapsed tick in order and invokes the
/// due targets outside the lock, so a target may schedule or cancel from its callback. A target that schedules from
/// its callback is timed from the tick being fired, not from the clock, so a clock jump (FakeTimeProvider.Advance of
/// several seconds) replays retransmission schedules exactly as they would have happened in real time.</para>
/// <para>Precision: a timer never fires early and fires at most one tick late.</para>
/// <para>A target that throws is logged and the others still fire: the heartbeat must never die.</para>
/// </remarks>
public sealed partial class TimerWheel : IDisposable
{
    private struct Entry
    {
        public long DueTick;
        public int Next;
        public int Prev;
        public uint Generation;
        public int Kind;
        public bool Scheduled;
    }

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _tickTicks;
    private readonly int _slotMask;
    private readonly int[] _slotHeads;
    private readonly Lock _lock = new();
    private readonly Lock _tickGate = new();
    private readonly List<(ITimerTarget Target, int Kind, TimerHandle Handle)> _due = new(64);
    private readonly ITimer? _heartbeat;
    private readonly ILogger _logger;
    private Entry[] _entries;
    private ITimerTarget?[] _targets;
    private int _freeHead = -1;
    private int _highWater;
    private int _count;
    private long _processedTick;
    private int _firingThread;
    private long _firingTick;

    /// <param name="time">The clock; tests pass a FakeTimeProvider.</param>
    /// <param name="tickDuration">Resolution, 10 ms by default (RFC 3261 timers are multiples of T1 = 500 ms).</param>
    /// <param name="slotCount">Slots per turn, rounded up to a power of two; 512 x 10 ms covers T2 and T4 in one turn.</param>
    /// <param name="startHeartbeat">False to drive the wheel only by explicit <see cref="Tick"/> calls.</param>
    /// <param name="logger">Where failures of timer targets are logged.</param>
    public TimerWheel(
        TimeProvider time, TimeSpan? tickDuration = null, int slotCount = 512, bool startHeartbeat = true, ILogger<TimerWheel>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        TimeSpan tick = tickDuration ?? TimeSpan.FromMilliseconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThan(tick, TimeSpan.FromMilliseconds(1), nameof(tickDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(slotCount, 2);
        _time = time;
        _logger = logger ?? NullLogger<TimerWheel>.Instance;
        _origin = time.GetTimestamp();
        _tickTicks = tick.Ticks;
        int slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slotCount);
        _slotMask = slots - 1;
        _slotHeads = new int[slots];
        Array.Fill(_slotHeads, -1);
        _entries = new Entry[256];
        _targets = new ITimerTarget?[256];
        TickDuration = tick;
        if (startHeartbeat)
        {
            _heartbeat = time.CreateTimer(static state => ((TimerWheel)state!).Tick(), this, tick, tick);
        }
    }

    public TimeSpan TickDuration { get; }

    public int SlotCount => _slotMask + 1;

    /// <summary>Entries scheduled and not yet fired or cancelled.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Schedules <paramref name="target"/>.OnTimer(<paramref name="kind"/>, handle) after <paramref name="delay"/>.</summary>
    public TimerHandle Schedule(TimeSpan delay, ITimerTarget target, int kind)
    {
        ArgumentNullException.ThrowIfNull(target);
        long baseTicks = Volatile.Read(ref _firingThread) == Environment.CurrentManagedThreadId
            ? _firingTick * _tickTicks
            : ElapsedTicks();
        long dueTime = baseTicks + Math.Max(0, delay.Ticks);
        long dueTick = (dueTime + _tickTicks - 1) / _tickTicks;
        lock (_lock)
        {
            if (dueTick <= _processedTick)
            {
                dueTick = _processedTick + 1;
            }
            int index = Allocate();
            ref Entry e = ref _entries[index];
            e.DueTick = dueTick;
            e.Kind = kind;
            e.Scheduled = true;
            _targets[index] = target;
            int slot = (int)(dueTick & _slotMask);
            e.Prev = -1;
            e.Next = _slotHeads[slot];
            if (e.Next >= 0)
            {
                _entries[e.Next].Prev = index;
            }
            _slotHeads[slot] = index;
            _count++;
            return new TimerHandle(index, e.Generation);
        }
    }

    /// <summary>Cancels a scheduled entry; false when it already fired, was cancelled, or the handle is none.</summary>
    public bool Cancel(TimerHandle handle)
    {
        if (handle.IsNone)
        {
            return false;
        }
        lock (_lock)
        {
            if ((uint)handle.Index >= (uint)_highWater)
            {
                return false;
            }
            ref Entry e = ref _entries[handle.Index];
            if (!e.Scheduled || e.Generation != handle.Generation)
            {
                return false;
            }
            Unlink(handle.Index);
            Free(handle.Index);
            return true;
        }
    }

    /// <summary>Fires everything due up to the clock's current time; returns how many targets were invoked.</summary>
    public int Tick()
    {
        if (!_tickGate.TryEnter())
        {
            return 0; // another thread is ticking and will catch up to the clock
        }
        try
        {
            int fired = 0;
            long nowTick = ElapsedTicks() / _tickTicks;
            while (true)
            {
                long tick;
                lock (_lock)
                {
                    if (_processedTick >= nowTick)
                    {
                        break;
                    }
                    tick = ++_processedTick;
                    CollectDue(tick);
                }
                if (_due.Count == 0)
                {
                    continue;
                }
                fired += InvokeDue(tick);
            }
            return fired;
        }
        finally
        {
            _tickGate.Exit();
        }
    }

    public void Dispose() => _heartbeat?.Dispose();

    private long ElapsedTicks() => _time.GetElapsedTime(_origin).Ticks;

    private int InvokeDue(long tick)
    {
        _firingTick = tick;
        Volatile.Write(ref _firingThread, Environment.CurrentManagedThreadId);
        try
        {
            foreach (var (target, kind, handle) in _due)
            {
                try
                {
                    target.OnTimer(kind, handle);
                }
                catch (Exception e)
                {
                    TargetFailed(_logger, e, target.GetType().Name, kind);
                }
            }
            return _due.Count;
        }
        finally
        {
            Volatile.Write(ref _firingThread, 0);
            _due.Clear();
        }
    }

    private void CollectDue(long tick)
    {
        int i = _slotHeads[(int)(tick & _slotMask)];
        while (i >= 0)
        {
            int next = _entries[i].Next;
            if (_entries[i].DueTick <= tick)
            {
                _due.Add((_targets[i]!, _entries[i].Kind, new TimerHandle(i, _entries[i].Generation)));
                Unlink(i);
                Free(i);
            }
            i = next;
        }
    }

    private int Allocate()
    {
        int index;
        if (_freeHead >= 0)
        {
            index = _freeHead;
            _freeHead = _entries[index].Next;
        }
        else
        {
            if (_highWater == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
                Array.Resize(ref _targets, _targets.Length * 2);
            }
            index = _highWater++;
            _entries[index].Generation = 1;
        }
        return index;
    }

    private void Unlink(int index)
    {
        ref Entry e = ref _entries[index];
        if (e.Prev >= 0)
        {
            _entries[e.Prev].Next = e.Next;
        }
        else
        {
            _slotHeads[(int)(e.DueTick & _slotMask)] = e.Next;
        }
        if (e.Next >= 0)
        {
            _entries[e.Next].Prev = e.Prev;
        }
    }

    private void Free(int index)
    {
        ref Entry e = ref _entries[index];
        e.Scheduled = false;
        e.Generation = e.Generation == uint.MaxValue ? 1 : e.Generation + 1;
        e.Next = _freeHead;
        e.Prev = -1;
        _targets[index] = null;
        _freeHead = index;
        _count--;
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Error, Message = "Timer target {Target} failed on timer {Kind}")]
    private static partial void TargetFailed(ILogger logger, Exception error, string target, int kind);
}
