using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Simulation;

/// <summary>
/// One INVITE at a simulated carrier, as a UAS (RFC 3261 §13.3): 100, then 180 (or 183 with SDP), then the outcome the
/// carrier drew — 200 with SDP after the answer delay (re-sent until the ACK, §13.3.1.4), 486, the reject status, or
/// ringing until CANCEL (487). An answered call ends with the caller's BYE or, after the hold time, with ours.
/// </summary>
/// <remarks>
/// Decisions are taken under the call's lock; messages are sent after it is released, because the transaction layer
/// calls in with its own lock held (an ACK) and the two locks must never be taken in both orders.
/// </remarks>
internal sealed class SimulatedCall : ITimerTarget
{
    private enum Phase { Proceeding, Answered, Confirmed, Ended }

    private enum TimerKind { Answer, Retransmit, Hold }

    private readonly Lock _lock = new();
    private readonly SimulatedCarrier _carrier;
    private readonly InviteServerTransaction _invite;
    private readonly string _toTag = SipTags.New();
    private Phase _phase = Phase.Proceeding;
    private RtpEcho? _media;
    private SipResponse? _ok;
    private TimerHandle _timer;
    private TimeSpan _retransmitInterval;
    private TimeSpan _retransmitted;
    private TimeSpan _scheduled;

    public SimulatedCall(SimulatedCarrier carrier, InviteServerTransaction invite, SimulatedOutcome outcome)
    {
        _carrier = carrier;
        _invite = invite;
        Outcome = outcome;
    }

    public SimulatedOutcome Outcome { get; }

    public string CallId => _invite.Request.CallId;

    public bool IsEnded => _phase == Phase.Ended;

    /// <summary>The media socket of the call, once SDP was sent.</summary>
    public RtpEcho? Media => _media;

    /// <summary>Runs inside the INVITE transaction's OnRequest (its lock held, so sending here keeps the order).</summary>
    public void Start()
    {
        var definition = _carrier.Definition;
        lock (_lock)
        {
            _invite.SendResponse(Response(100));
            switch (Outcome)
            {
                case SimulatedOutcome.Busy:
                    Finish(Response(486));
                    return;
                case SimulatedOutcome.Reject:
                    var reject = Response(definition.RejectStatus);
                    if (definition.RetryAfterSeconds is { } seconds)
                    {
                        reject.Headers.Add(HeaderKind.RetryAfter, seconds.ToString(CultureInfo.InvariantCulture));
                    }
                    Finish(reject);
                    return;
            }
            _invite.SendResponse(definition.EarlyMedia ? WithSdp(Response(183)) : Response(180));
            if (Outcome == SimulatedOutcome.Answer)
            {
                _timer = _carrier.Wheel.Schedule(TimeSpan.FromMilliseconds(definition.AnswerDelayMilliseconds), this, (int)TimerKind.Answer);
            }
        }
    }

    /// <summary>CANCEL before the answer ends the INVITE with 487 (§9.2); after it, the CANCEL changes nothing.</summary>
    public void Cancel()
    {
        SipResponse? terminated = null;
        lock (_lock)
        {
            if (_phase == Phase.Proceeding)
            {
                terminated = Response(487);
                End();
            }
        }
        if (terminated is not null)
        {
            _invite.SendResponse(terminated);
        }
    }

    public void Ack()
    {
        lock (_lock)
        {
            if (_phase != Phase.Answered)
            {
                return; // a retransmitted ACK, or one for a call already over
            }
            _phase = Phase.Confirmed;
            _carrier.Wheel.Cancel(_timer);
            TimeSpan hold = _carrier.Picker.Hold();
            _timer = hold > TimeSpan.Zero ? _carrier.Wheel.Schedule(hold, this, (int)TimerKind.Hold) : default;
        }
    }

    /// <summary>The caller's BYE: the call is over whatever its phase (a BYE before the ACK ends it too, §15).</summary>
    public void Bye()
    {
        lock (_lock)
        {
            End();
        }
    }

    public void OnTimer(int kind, TimerHandle handle)
    {
        SipResponse? send = null;
        bool bye = false;
        lock (_lock)
        {
            if (handle != _timer || _phase == Phase.Ended)
            {
                return;
            }
            _timer = default;
            switch ((TimerKind)kind)
            {
                case TimerKind.Answer when _phase == Phase.Proceeding:
                    _ok = WithSdp(Response(200));
                    _ok.Headers.Add(HeaderKind.Contact, _carrier.Contact);
                    _phase = Phase.Answered;
                    send = _ok;
                    _retransmitInterval = _scheduled = _carrier.Layer.Options.T1;
                    _timer = _carrier.Wheel.Schedule(_scheduled, this, (int)TimerKind.Retransmit);
                    break;
                case TimerKind.Retransmit when _phase == Phase.Answered:
                    _retransmitted += _scheduled;
                    TimeSpan giveUp = _carrier.Layer.Options.SixtyFourT1;
                    if (_retransmitted >= giveUp)
                    {
                        bye = true; // §13.3.1.4: no ACK within 64*T1 — the session is ended with BYE
                        End();
                        break;
                    }
                    send = _ok;
                    _retransmitInterval = TimeSpan.FromTicks(Math.Min(_retransmitInterval.Ticks * 2, _carrier.Layer.Options.T2.Ticks));
                    _scheduled = TimeSpan.FromTicks(Math.Min(_retransmitInterval.Ticks, (giveUp - _retransmitted).Ticks));
                    _timer = _carrier.Wheel.Schedule(_scheduled, this, (int)TimerKind.Retransmit);
                    break;
                case TimerKind.Hold when _phase == Phase.Confirmed:
                    bye = true;
                    End();
                    break;
            }
        }
        if (send is not null)
        {
            _invite.SendResponse(send);
        }
        if (bye)
        {
            _carrier.SendBye(_invite.Request, _toTag);
        }
    }

    /// <summary>Ends a call the carrier is removed under (no BYE: the socket is going away).</summary>
    public void Abandon()
    {
        lock (_lock)
        {
            End();
        }
    }

    private void Finish(SipResponse final)
    {
        _invite.SendResponse(final);
        End();
    }

    private void End()
    {
        _phase = Phase.Ended;
        _carrier.Wheel.Cancel(_timer);
        _timer = default;
        _media?.Dispose();
        _carrier.Forget(this);
    }

    private SipResponse Response(int status) => SipResponseFactory.Create(_invite.Request, status, toTag: _toTag);

    private SipResponse WithSdp(SipResponse response)
    {
        _media ??= new RtpEcho(_carrier.BindAddress, _carrier.Definition.Media == "echo");
        response.Headers.Add(HeaderKind.ContentType, "application/sdp");
        response.Body = SimulatedSdp.Answer(_invite.Request, _media.LocalEndPoint);
        return response;
    }
}
