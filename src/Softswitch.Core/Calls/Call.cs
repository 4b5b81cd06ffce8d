namespace Softswitch.Core.Calls;

/// <summary>
/// A call through the B2BUA, from the caller's INVITE to its release. The B2BUA drives each call from one
/// serialized context (docs/architecture.md "Hot paths"); API threads read it concurrently. Writes take a lock and
/// replace the immutable <see cref="CallSnapshot"/> as a whole, so reads are lock-free and always consistent. The state
/// changes only in <see cref="Apply"/>, through <see cref="CallStateMachine"/>: a pair not in the table is refused,
/// reported through <see cref="CallEvents.TransitionRefused"/> with the Call-ID, and not applied.
/// </summary>
public sealed class Call
{
    private readonly TimeProvider _time;
    private readonly CallEvents _events;
    private readonly Lock _lock = new();
    private volatile CallSnapshot _snapshot;
    private volatile IRtpFlowSource? _rtp;
    private int _cdrClaimed;

    public Call(long callId, CallSetup setup, TimeProvider time, CallEvents events)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _time = time;
        _events = events;
        var now = time.GetUtcNow();
        _snapshot = new CallSnapshot
        {
            CallId = callId,
            State = CallState.Authorising,
            CallerE164 = setup.CallerE164,
            CalleeE164 = setup.CalleeE164,
            CallerAccessE164 = setup.CallerAccessE164 ?? setup.CallerE164,
            CalleeAccessE164 = setup.CalleeAccessE164 ?? setup.CalleeE164,
            CallerToGatewayE164 = setup.CallerE164,
            CalleeToGatewayE164 = setup.CalleeE164,
            CallerIp = setup.CallerIp,
            CallerPort = setup.CallerPort,
            CallerLocalIp = setup.CallerLocalIp,
            Account = setup.Account,
            AccountName = setup.AccountName,
            CallerGateway = setup.CallerGateway,
            CallerProductId = setup.CallerProductId,
            CallerSipCallId = setup.CallerSipCallId,
            CallerCodec = setup.CallerCodec,
            TransactionId = setup.TransactionId,
            StartTime = now,
            History = [new CallStateChange(CallState.Authorising, null, now)],
        };
    }

    /// <summary>The switch-wide call id (GetCurrentCall / DisconnectCurrentCall callId, 001_… §3.21, §3.82).</summary>
    public long CallId => _snapshot.CallId;

    public CallState State => _snapshot.State;

    /// <summary>Everything about the call at this moment, consistent across fields.</summary>
    public CallSnapshot Snapshot => _snapshot;

    /// <summary>Live RTP counters from the media plane, or <see cref="RtpFlowSnapshot.Empty"/> without media.</summary>
    public RtpFlowSnapshot RtpFlow => _rtp?.Snapshot() ?? RtpFlowSnapshot.Empty;

    public long KeepTime(DateTimeOffset now) => _snapshot.KeepTime(now);

    /// <summary>
    /// The key the live-call journal gave the call when it was answered (docs/crash-recovery.md), carried to its CDR
    /// (<see cref="Cdrs.Cdr.CallKey"/>); null while not journalled. Set and read on the call's serialized context.
    /// </summary>
    public string? JournalKey { get; internal set; }

    /// <summary>Connects the media plane's counters (once RTP is relayed).</summary>
    public void AttachRtp(IRtpFlowSource source) => _rtp = source;

    /// <summary>Records where the call was routed (and again on failover); null fields are kept.</summary>
    public void SetCalleeLeg(CalleeLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        lock (_lock)
        {
            var s = _snapshot;
            _snapshot = s with
            {
                CalleeE164 = leg.CalleeE164 ?? s.CalleeE164,
                CallerToGatewayE164 = leg.CallerToGatewayE164 ?? s.CallerToGatewayE164,
                CalleeToGatewayE164 = leg.CalleeToGatewayE164 ?? leg.CalleeE164 ?? s.CalleeToGatewayE164,
                CalleeIp = leg.CalleeIp ?? s.CalleeIp,
                CalleePort = leg.CalleePort ?? s.CalleePort,
                CalleeLocalIp = leg.CalleeLocalIp ?? s.CalleeLocalIp,
                CalleeGateway = leg.CalleeGateway ?? s.CalleeGateway,
                CalleeSipCallId = leg.CalleeSipCallId ?? s.CalleeSipCallId,
                CalleeProductId = leg.CalleeProductId ?? s.CalleeProductId,
            };
        }
    }

    /// <summary>Records the negotiated codec and the offered sets (callCodec, callerCodec, calleeCodec); null keeps.</summary>
    public void SetCodecs(string? callCodec = null, string? callerCodec = null, string? calleeCodec = null)
    {
        lock (_lock)
        {
            var s = _snapshot;
            _snapshot = s with
            {
                CallCodec = callCodec ?? s.CallCodec,
                CallerCodec = callerCodec ?? s.CallerCodec,
                CalleeCodec = calleeCodec ?? s.CalleeCodec,
            };
        }
    }

    /// <summary>Records the media addresses seen in SDP ("ip:port"); null keeps.</summary>
    public void SetMedia(string? callerRtpIp = null, string? calleeRtpIp = null)
    {
        lock (_lock)
        {
            var s = _snapshot;
            _snapshot = s with
            {
                CallerRtpIp = callerRtpIp ?? s.CallerRtpIp,
                CalleeRtpIp = calleeRtpIp ?? s.CalleeRtpIp,
            };
        }
    }

    /// <summary>
    /// Fires a progress trigger (InviteSent, Rerouted, the 1xx triggers, Answered). Returns false, and changes
    /// nothing, when the table has no such transition from the current state. Endings go through <see cref="End"/>.
    /// </summary>
    public bool Fire(CallTrigger trigger)
    {
        if (CallStateMachine.IsEnding(trigger))
        {
            throw new ArgumentException($"{trigger} ends the call and needs a reason: use End.", nameof(trigger));
        }
        return Apply(trigger, null, null);
    }

    /// <summary>
    /// Ends the call with <paramref name="reason"/>: fires the reason's trigger (<see cref="EndReasons"/>), stamps
    /// the stop time and records reason and direction (the table's direction unless one is given). Returns false
    /// when that ending is illegal in the current state (e.g. a hangup before answer, or any ending after release).
    /// </summary>
    public bool End(EndReason reason, EndDirection? direction = null)
    {
        var info = EndReasons.Of(reason);
        return Apply(info.Trigger, reason, direction ?? info.Direction);
    }

    /// <summary>The report of the initial Authorising state, published when the call is registered (001_… §4.5, -18).</summary>
    internal CallStateReport CreatedReport()
    {
        var s = _snapshot;
        return ReportOf(s, s.State, null, s.StartTime);
    }

    /// <summary>True exactly once, for the one CDR of this call (every call ends in exactly one CDR).</summary>
    internal bool TryClaimCdr() => Interlocked.Exchange(ref _cdrClaimed, 1) == 0;

    /// <summary>The only place the state changes.</summary>
    private bool Apply(CallTrigger trigger, EndReason? reason, EndDirection? direction)
    {
        CallStateReport? report = null;
        RefusedTransition? refused = null;
        lock (_lock)
        {
            var s = _snapshot;
            var now = _time.GetUtcNow();
            if (!CallStateMachine.TryGet(s.State, trigger, out var t))
            {
                refused = new RefusedTransition(s.CallId, s.CallerSipCallId, s.State, trigger, now);
            }
            else if (t.From == t.To && t.Trigger != CallTrigger.Rerouted)
            {
                // Absorbed (a late 100, a repeated 18x or 2xx): legal, but nothing changed to stamp or report.
            }
            else
            {
                var next = s with
                {
                    State = t.To,
                    History = [.. s.History, new CallStateChange(t.To, trigger, now)],
                };
                next = t.Action switch
                {
                    CallAction.StampConnect => next with { ConnectTime = now },
                    CallAction.StampStop => next with { StopTime = now, EndReason = reason, EndDirection = direction },
                    _ => next,
                };
                _snapshot = next;
                report = ReportOf(next, s.State, trigger, now);
            }
        }
        // Raised outside the lock so a handler that reads the call (or is slow) cannot deadlock or stall writers.
        if (refused is not null)
        {
            _events.Publish(refused);
            return false;
        }
        if (report is not null)
        {
            _events.Publish(report);
        }
        return true;
    }

    private static CallStateReport ReportOf(CallSnapshot s, CallState previous, CallTrigger? trigger, DateTimeOffset now) => new()
    {
        CallId = s.CallId,
        CallState = s.State,
        PreviousState = previous,
        Trigger = trigger,
        EventTime = now,
        CallerE164 = s.CallerE164,
        CalleeE164 = s.CalleeE164,
        CallerGatewayId = s.CallerGateway,
        CalleeGatewayId = s.CalleeGateway,
        CallerIp = s.CallerIp,
        CalleeIp = s.CalleeIp,
        CallerLocalIp = s.CallerLocalIp,
        CalleeLocalIp = s.CalleeLocalIp,
        TransactionId = s.TransactionId,
        CallIdentifier = s.CallerSipCallId,
        EndReason = s.EndReason,
        EndDirection = s.EndDirection,
    };
}
