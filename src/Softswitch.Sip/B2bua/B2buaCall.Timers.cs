using Softswitch.Core.Calls;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Timers;

namespace Softswitch.Sip.B2bua;

internal enum CallTimer
{
    OkRetransmit = 1,
    Setup = 2,
    MaxDuration = 3,
    MediaCheck = 4,
    SessionExpired = 5,
    ReliableRetransmit = 6,
    KeepAlive = 7,
}

/// <summary>Set-up stages with their own timeout (VOS3000 timeoutInvite, timeoutTrying, timeoutSessionProgress, timeoutRinging).</summary>
internal enum SetupStage
{
    Invite,
    Trying,
    Progress,
    Ringing,
}

internal sealed partial class B2buaCall
{
    private static readonly TimeSpan MediaCheckInterval = TimeSpan.FromSeconds(1);

    private TimerHandle _setupTimer;
    private SetupStage _setupStage;
    private TimerHandle _okTimer;
    private TimeSpan _okInterval;
    private TimeSpan _okElapsed;
    private SipResponse? _callerOk;
    private TimerHandle _maxDurationTimer;
    private TimerHandle _mediaTimer;

    private TimerWheel Wheel => _owner.Wheel;

    private void StartSetupTimer(SetupStage stage)
    {
        var o = _owner.Options;
        // A routing gateway's own timeouts (001_… §3.16 timeoutInvite … timeoutRinging) win; 0 there means ours.
        var own = _attempt?.Attempt.Plan?.Timeouts;
        var timeout = stage switch
        {
            SetupStage.Invite => own?.Invite ?? TimeSpan.FromSeconds(o.TimeoutInviteSeconds),
            SetupStage.Trying => own?.Trying ?? TimeSpan.FromSeconds(o.TimeoutTryingSeconds),
            SetupStage.Progress => (_attempt is { SdpSeen: true } ? own?.SessionProgressSdp : own?.SessionProgress)
                ?? TimeSpan.FromSeconds(o.TimeoutSessionProgressSeconds),
            _ => own?.Ringing ?? TimeSpan.FromSeconds(o.TimeoutRingingSeconds),
        };
        Wheel.Cancel(_setupTimer);
        _setupStage = stage;
        _setupTimer = Wheel.Schedule(timeout, this, (int)CallTimer.Setup);
    }

    private void StopSetupTimer() => Wheel.Cancel(_setupTimer);

    /// <summary>2xx to the caller's INVITE is retransmitted by the UAS core until the ACK comes (§13.3.1.4).</summary>
    private void SendCallerOk(SipResponse ok)
    {
        _callerOk = ok;
        _callerInvite.SendResponse(ok);
        // Over a reliable transport the connection delivers the 200 and it is not retransmitted, but a caller that
        // never ACKs is given up at 64*T1 all the same: one timer for the whole interval.
        bool udp = Caller.Destination.Transport == SipTransportKind.Udp;
        _okInterval = udp ? _owner.TimerOptions.T1 : _owner.TimerOptions.SixtyFourT1;
        _okElapsed = TimeSpan.Zero;
        _okTimer = Wheel.Schedule(_okInterval, this, (int)CallTimer.OkRetransmit);
    }

    private void StartCallTimers()
    {
        // The tighter of the system's calls.maxCallDurationSeconds and the plan's cap (maxCallDuration*, callDurationLimit).
        TimeSpan? cap = _owner.Options.MaxCallDurationSeconds > 0 ? TimeSpan.FromSeconds(_owner.Options.MaxCallDurationSeconds) : null;
        if (_attempt?.Attempt.MaxDuration is { } own && (cap is null || own < cap))
        {
            cap = own;
        }
        if (cap is { } limit)
        {
            _maxDurationTimer = Wheel.Schedule(limit, this, (int)CallTimer.MaxDuration);
        }
        if (MediaCheckEnabled)
        {
            _mediaTimer = Wheel.Schedule(MediaCheckInterval, this, (int)CallTimer.MediaCheck);
        }
    }

    private void StopAllTimers()
    {
        Wheel.Cancel(_setupTimer);
        Wheel.Cancel(_okTimer);
        Wheel.Cancel(_maxDurationTimer);
        Wheel.Cancel(_mediaTimer);
        Wheel.Cancel(_sessionTimer);
        Wheel.Cancel(_reliableTimer);
        Wheel.Cancel(_keepAliveTimer);
    }

    /// <summary>The caller's ACK for our 2xx, on the mailbox.</summary>
    public void OnCallerAck(SipRequest ack)
    {
        if (!FromKnownPeer(CallSide.Caller, null, ack))
        {
            _owner.OnForeignInDialogRequest(Caller.CallId, ack); // an ACK gets no response: dropped, counted
            return;
        }
        Fire(BridgeEvent.CallerAck, new CallInput { Request = ack });
    }

    /// <summary>(Answered or Connected, CallerAck): stop retransmitting the 200; a late-offer answer goes on.</summary>
    private void AckFromCaller(CallInput input)
    {
        Wheel.Cancel(_okTimer);
        _callerOk = null;
        StartKeepAlive();
        OnCallerAckMedia(input.Request!);
    }

    /// <summary>
    /// A timer of this call, on the mailbox: one that was re-armed since (another handle) is stale and dropped here;
    /// the others become bridge events, and the table says in which states each still matters.
    /// </summary>
    private void HandleTimer(CallTimer timer, TimerHandle handle)
    {
        switch (timer)
        {
            case CallTimer.Setup when handle == _setupTimer:
                EndReason reason = _setupStage switch
                {
                    SetupStage.Invite => EndReason.InviteTimeout,
                    SetupStage.Trying => EndReason.TryingTimeout,
                    SetupStage.Progress => EndReason.ProgressTimeout,
                    _ => EndReason.NoAnswer,
                };
                Fire(BridgeEvent.SetupTimeout, new CallInput { Status = SipStatusFor(reason), Reason = reason });
                break;
            case CallTimer.OkRetransmit when handle == _okTimer:
                Fire(BridgeEvent.OkTimer);
                break;
            case CallTimer.MaxDuration when handle == _maxDurationTimer:
                Fire(BridgeEvent.MaxDuration, new CallInput { Reason = EndReason.MaxDurationReached });
                break;
            case CallTimer.SessionExpired when handle == _sessionTimer:
                Fire(BridgeEvent.SessionExpired, new CallInput { Reason = EndReason.SessionTimerExpired });
                break;
            case CallTimer.ReliableRetransmit when handle == _reliableTimer:
                Fire(BridgeEvent.ReliableTimer);
                break;
            case CallTimer.MediaCheck when handle == _mediaTimer:
                Fire(BridgeEvent.MediaCheck);
                break;
            case CallTimer.KeepAlive when handle == _keepAliveTimer:
                Fire(BridgeEvent.KeepAlive);
                break;
        }
    }

    /// <summary>(Answered, OkTimer): the 200 again, T1 doubling to T2, until 64*T1 (§13.3.1.4).</summary>
    private void OnOkTimer()
    {
        if (_callerOk is null)
        {
            return;
        }
        _okElapsed += _okInterval;
        if (_okElapsed >= _owner.TimerOptions.SixtyFourT1)
        {
            // §13.3.1.4: no ACK within 64*T1 — the dialog is confirmed and then torn down with BYE.
            Hangup(EndReason.AckTimeout);
            return;
        }
        _callerInvite.SendResponse(_callerOk);
        // The last interval is cut short so the give-up falls at 64*T1 exactly, not at the next T2 step (35.5 s with
        // the default timers, which the CDR used to bill as talk time).
        long doubled = Math.Min(_okInterval.Ticks * 2, _owner.TimerOptions.T2.Ticks);
        _okInterval = TimeSpan.FromTicks(Math.Min(doubled, (_owner.TimerOptions.SixtyFourT1 - _okElapsed).Ticks));
        _okTimer = Wheel.Schedule(_okInterval, this, (int)CallTimer.OkRetransmit);
    }

    /// <summary>(Answered or Connected, MediaCheck): VOS3000 mediaCheckDirection, once a second.</summary>
    private void OnMediaCheck()
    {
        if (MediaIdleTooLong())
        {
            Hangup(EndReason.NoMedia);
            return;
        }
        _mediaTimer = Wheel.Schedule(MediaCheckInterval, this, (int)CallTimer.MediaCheck);
    }
}
