using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Overload;

/// <summary>
/// Early load shedding (issue 12 items 1 and 10; docs/hardening.md "Overload"): decides, before a new request gets a
/// server transaction and long before a call is allocated, whether the switch takes it on or answers 503 with
/// Retry-After. Requests of a dialog (BYE, re-INVITE, ...), CANCELs and ACKs are never shed: they finish work already
/// admitted, and their number is bounded by the calls admitted.
/// </summary>
/// <remarks>
/// <para>The rules, in order: the transaction table cap (any new request outside a dialog); then, for a new INVITE,
/// the cap on calls in set-up, the load-adaptive rule and the calls-per-second bucket. The adaptive rule and the bucket
/// count only a call's first INVITE (one without credentials): shedding the INVITE that answers the switch's challenge
/// would waste the challenge already sent.</para>
/// <para>The adaptive rule is additive-increase / multiplicative-decrease on the share of new calls admitted, driven by
/// the queue delay <see cref="LoadProbe"/> measures every 50 ms (<see cref="Observe"/>): after four measurements in a
/// row above <see cref="OverloadOptions.MaxQueueDelayMilliseconds"/> the share is multiplied by 0.9 at each, and from
/// then on at every measurement above it until the share is back to all; it grows by 0.02 at every measurement under
/// the target. It is applied only while at least 20 calls are in set-up. Admission follows the share deterministically (a credit that grows by the share per first INVITE), so 30 %
/// admits exactly 3 calls in 10 and the tests need no random numbers. It converges on the rate the switch can serve
/// with work waiting about the target, whatever the machine, which no fixed cap can do.</para>
/// </remarks>
public sealed partial class OverloadGuard : IRequestAdmission
{
    internal const double Decrease = 0.9;
    internal const double Increase = 0.02;
    internal const double MinimumShare = 0.01;

    /// <summary>Consecutive measurements above the target before the share falls (4 × 50 ms: CoDel's interval).</summary>
    internal const int SustainedSamples = 4;

    /// <summary>
    /// With fewer calls in set-up the adaptive rule sheds nothing: the delay is then not the calls' doing (another
    /// process, a GC pause, a parallel test run), and refusing the few calls there are would relieve nothing.
    /// </summary>
    internal const int MinimumCallsInSetup = 20;

    private readonly OverloadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly long[] _shed = new long[Enum.GetValues<ShedReason>().Length];
    private readonly long[] _reported = new long[Enum.GetValues<ShedReason>().Length];
    private readonly string _retryAfter;
    private readonly TimeSpan _target;
    private double _share = 1;
    private double _credit = 1;
    private int _above;
    private double _tokens;
    private long _tokensAt;
    private long _queueDelayTicks;
    private long _maxQueueDelayTicks;
    private long _summaryStart;

    public OverloadGuard(OverloadOptions options, TimeProvider time, ILogger<OverloadGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _time = time;
        _logger = logger;
        _retryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        _target = TimeSpan.FromMilliseconds(options.MaxQueueDelayMilliseconds);
        _tokens = options.MaxCallsPerSecond;
        _tokensAt = time.GetTimestamp();
        _summaryStart = _tokensAt;
    }

    /// <summary>The share of new calls the adaptive rule admits now, 0-1 (1 when not overloaded).</summary>
    public double AdmittedShare
    {
        get
        {
            lock (_lock)
            {
                return _share;
            }
        }
    }

    /// <summary>The last queue delay observed.</summary>
    public TimeSpan QueueDelay => TimeSpan.FromTicks(Interlocked.Read(ref _queueDelayTicks));

    /// <summary>Requests shed for <paramref name="reason"/> since start.</summary>
    public long Shed(ShedReason reason) => Interlocked.Read(ref _shed[(int)reason]);

    /// <summary>Requests shed since start, all reasons.</summary>
    public long ShedTotal
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _shed.Length; i++)
            {
                total += Interlocked.Read(ref _shed[i]);
            }
            return total;
        }
    }

    public SipResponse? Refuse(SipRequest request, int serverTransactions, int invitesInSetup)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is SipMethod.Ack or SipMethod.Cancel || request.To.Tag is not null)
        {
            return null;
        }
        if (serverTransactions >= _options.MaxServerTransactions)
        {
            return Refusal(request, ShedReason.TransactionTable);
        }
        if (request.Method != SipMethod.Invite)
        {
            return null;
        }
        if (_options.MaxCallsInSetup > 0 && invitesInSetup >= _options.MaxCallsInSetup)
        {
            return Refusal(request, ShedReason.CallsInSetup);
        }
        if (request.Headers.Contains(HeaderKind.ProxyAuthorization) || request.Headers.Contains(HeaderKind.Authorization))
        {
            return null; // answers a challenge: the call was counted on its first INVITE
        }
        return AdmitFirstInvite(invitesInSetup >= MinimumCallsInSetup) is { } reason ? Refusal(request, reason) : null;
    }

    /// <summary>
    /// One measurement of the queue delay (<see cref="LoadProbe"/>, every 50 ms): moves the admitted share down when
    /// it is above the target, up otherwise.
    /// </summary>
    public void Observe(TimeSpan queueDelay)
    {
        Interlocked.Exchange(ref _queueDelayTicks, queueDelay.Ticks);
        lock (_lock)
        {
            _maxQueueDelayTicks = Math.Max(_maxQueueDelayTicks, queueDelay.Ticks);
            if (_target <= TimeSpan.Zero)
            {
                return;
            }
            // A burst that drains within 200 ms is not overload; a queue that stays is (CoDel's standing queue). Once
            // shedding, every reading above the target counts at once, as CoDel's dropping state does: waiting 200 ms
            // each time would hold the delay above the target.
            _above = queueDelay > _target ? _above + 1 : 0;
            bool lower = _above >= SustainedSamples || (_above > 0 && _share < 1);
            _share = lower ? Math.Max(MinimumShare, _share * Decrease) : Math.Min(1, _share + Increase);
            if (_share >= 1)
            {
                _credit = 1;
            }
        }
    }

    /// <summary>
    /// Logs what was shed since the last call, by reason, at Warning; nothing when nothing was (a timer calls it every
    /// <see cref="OverloadOptions.SummaryIntervalSeconds"/>).
    /// </summary>
    public void ReportSummary()
    {
        long now = _time.GetTimestamp();
        Span<long> delta = stackalloc long[_shed.Length];
        long total = 0;
        long maxDelayTicks;
        double share;
        lock (_lock)
        {
            for (int i = 0; i < _shed.Length; i++)
            {
                long seen = Interlocked.Read(ref _shed[i]);
                delta[i] = seen - _reported[i];
                _reported[i] = seen;
                total += delta[i];
            }
            maxDelayTicks = _maxQueueDelayTicks;
            _maxQueueDelayTicks = 0;
            share = _share;
        }
        long seconds = (long)Math.Round(_time.GetElapsedTime(_summaryStart, now).TotalSeconds);
        _summaryStart = now;
        if (total > 0)
        {
            LogSummary(total, seconds, delta[(int)ShedReason.QueueDelay], delta[(int)ShedReason.CallRate], delta[(int)ShedReason.CallsInSetup],
                delta[(int)ShedReason.TransactionTable], (long)TimeSpan.FromTicks(maxDelayTicks).TotalMilliseconds, (int)Math.Round(share * 100));
        }
    }

    private ShedReason? AdmitFirstInvite(bool busy)
    {
        lock (_lock)
        {
            if (_share < 1 && busy)
            {
                _credit += _share;
                if (_credit < 1)
                {
                    return ShedReason.QueueDelay;
                }
                _credit -= 1;
            }
            if (_options.MaxCallsPerSecond > 0)
            {
                long now = _time.GetTimestamp();
                double elapsed = _time.GetElapsedTime(_tokensAt, now).TotalSeconds;
                _tokensAt = now;
                _tokens = Math.Min(_options.MaxCallsPerSecond, _tokens + elapsed * _options.MaxCallsPerSecond);
                if (_tokens < 1)
                {
                    return ShedReason.CallRate;
                }
                _tokens -= 1;
            }
            return null;
        }
    }

    /// <summary>503 with Retry-After (RFC 3261 §21.5.4): the switch is overloaded, the request was not taken on.</summary>
    private SipResponse Refusal(SipRequest request, ShedReason reason)
    {
        Interlocked.Increment(ref _shed[(int)reason]);
        var response = SipResponseFactory.Create(request, 503, null, SipTags.New());
        response.Headers.Add(HeaderKind.RetryAfter, _retryAfter);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overload: {Shed} new requests answered 503 in the last {Seconds} s ({QueueDelay} by queue delay, {CallRate} by calls per second, {CallsInSetup} by calls in set-up, {TransactionTable} by the transaction table); queue delay up to {MaxDelayMs} ms, {SharePercent} % of new calls admitted now")]
    private partial void LogSummary(long shed, long seconds, long queueDelay, long callRate, long callsInSetup, long transactionTable, long maxDelayMs, int sharePercent);
}
