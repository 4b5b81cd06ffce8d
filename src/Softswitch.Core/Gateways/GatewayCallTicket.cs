namespace Softswitch.Core.Gateways;

/// <summary>
/// One attempt on one gateway, from <see cref="GatewayStatistics.Start"/> to its end: the SIP layer reports what
/// happens to it here, in any order and as often as the wire says, and the ticket counts each thing once. An attempt
/// is ringing until <see cref="Answered"/> (talking) or <see cref="Failed"/>; a talking call ends with
/// <see cref="Ended"/>. Reports that make no sense in the current state (a second answer, an 18x after the answer,
/// a failure after the end) are ignored. Thread-safe.
/// </summary>
public sealed class GatewayCallTicket
{
    private const int Ringing = 0;
    private const int Talking = 1;
    private const int Over = 2;

    private readonly GatewayStatistics _owner;
    private readonly GatewayCounters _counters;
    private readonly long _startedAt;
    private long _answeredAt;
    private int _state;
    private int _delayMeasured;

    internal GatewayCallTicket(GatewayStatistics owner, GatewayCounters counters, long startedAt)
    {
        _owner = owner;
        _counters = counters;
        _startedAt = startedAt;
    }

    public GatewayKind Kind => _counters.Key.Kind;

    public long GatewayId => _counters.Key.Id;

    /// <summary>The attempt has ended one way or another: its line is free.</summary>
    public bool IsOver => Volatile.Read(ref _state) == Over;

    /// <summary>
    /// An 18x (180, 181, 182, 183) was received from, or sent towards, the gateway: the first one measures the
    /// post-dial delay (pdd, from <see cref="GatewayStatistics.Start"/>) and marks the callee as reached.
    /// </summary>
    public void Progress()
    {
        if (Volatile.Read(ref _state) != Ringing || Interlocked.Exchange(ref _delayMeasured, 1) != 0)
        {
            return;
        }
        var delay = _owner.Time.GetElapsedTime(_startedAt);
        _owner.Record(_counters, new GatewayTraffic(0, 0, 0, 0, 0, TimeSpan.Zero, 1, delay));
    }

    /// <summary>The attempt was answered (200 OK to the INVITE): it counts as answered; the talk time starts.</summary>
    public void Answered()
    {
        long now = _owner.Time.GetTimestamp();
        // Set before the state changes, so an Ended racing with this answer reads it; the first answer's time stays.
        Interlocked.CompareExchange(ref _answeredAt, now, 0);
        if (Interlocked.CompareExchange(ref _state, Talking, Ringing) != Ringing)
        {
            return;
        }
        // An answer without any 18x before it: the delay to the answer is the post-dial delay.
        bool measure = Interlocked.Exchange(ref _delayMeasured, 1) == 0;
        var delay = measure ? _owner.Time.GetElapsedTime(_startedAt, now) : TimeSpan.Zero;
        _owner.Record(_counters, new GatewayTraffic(1, 1, 1, 1, 0, TimeSpan.Zero, measure ? 1 : 0, delay));
    }

    /// <summary>
    /// The attempt ended without an answer. <paramref name="status"/> is the final SIP status the gateway sent
    /// (300-699), or 0 when none came (timeout, transport failure, cancelled before any final response). A final
    /// status counts as a response; 486, 600 and 603 (busy, decline) and any earlier 18x count as the callee reached.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A status other than 0 or 300-699: a bug of the caller.</exception>
    public void Failed(int status)
    {
        if (status is not 0 and (< 300 or > 699))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failed attempt's status is 0 or 300-699.");
        }
        TryFail(status);
    }

    /// <summary>
    /// The call is over (BYE either way, or the switch cut it). A talking call adds its talk time to the acd; a call
    /// never answered counts as <see cref="Failed"/> with no final status.
    /// </summary>
    public void Ended()
    {
        if (TryFail(0))
        {
            return;
        }
        long now = _owner.Time.GetTimestamp();
        // Not ringing any more, and a state never goes back: either talking, or over already.
        if (Interlocked.CompareExchange(ref _state, Over, Talking) != Talking)
        {
            return;
        }
        var talk = _owner.Time.GetElapsedTime(Volatile.Read(ref _answeredAt), now);
        _owner.Record(_counters, new GatewayTraffic(0, 0, 0, 0, 1, talk, 0, TimeSpan.Zero));
        _counters.Released();
    }

    private bool TryFail(int status)
    {
        if (Interlocked.CompareExchange(ref _state, Over, Ringing) != Ringing)
        {
            return false;
        }
        bool reached = Volatile.Read(ref _delayMeasured) == 1;
        bool responded = reached || status != 0;
        bool connected = reached || status is 486 or 600 or 603;
        _owner.Record(_counters, new GatewayTraffic(1, 0, responded ? 1 : 0, connected ? 1 : 0, 0, TimeSpan.Zero, 0, TimeSpan.Zero));
        _counters.Released();
        return true;
    }
}
